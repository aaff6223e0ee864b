// SPDX-License-Identifier: Apache-2.0

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.rfbridge.viewer.Launcher;

/**
 * The floor under any JavaFX viewer's click-to-pixel latency on this machine: a bare 800x600 JavaFX window that
 * looks like the demo desktop's drawing surface to {@code LatencyProbe} and draws the dot itself, in the same
 * event handler that sees the click. No network, no RFB, no decoding: what LatencyProbe measures here is only
 * JavaFX taking the click from X and getting one changed spot back to the X server. It applies the viewer's
 * own toolkit settings ({@link Launcher#tuneToolkit}: pulse rate, region caching), so the comparison with the
 * viewer is like for like. Run with
 * the viewer's self-contained jar on the class path: {@code java -cp rfbridge-javafx-viewer.jar
 * JavaFxClickFloor.java}. Not part of the build.
 *
 * <p>The main class must not extend {@link Application}: launched from the class path, Java refuses to start
 * an Application subclass without the JavaFX modules.
 */
public final class JavaFxClickFloor {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 600;

    private JavaFxClickFloor() {
    }

    public static void main(String[] args) {
        Launcher.tuneToolkit();
        Application.launch(Window.class, args);
    }

    /** The window: the demo's surface colour, a dot where the primary button goes down, cleared by button 3. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Pane surface = new Pane();
            surface.setStyle("-fx-background-color: #F5F5F0;");
            surface.setOnMousePressed(event -> {
                if (event.getButton() == MouseButton.SECONDARY) {
                    surface.getChildren().clear();
                } else if (event.getButton() == MouseButton.PRIMARY) {
                    Rectangle dot = new Rectangle(Math.floor(event.getX()) - 2, Math.floor(event.getY()) - 2, 5, 5);
                    dot.setFill(Color.BLACK);
                    surface.getChildren().add(dot);
                }
            });
            stage.setTitle("JavaFX click floor");
            stage.setScene(new Scene(surface, WIDTH, HEIGHT));
            stage.show();
        }
    }
}
