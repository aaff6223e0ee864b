// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.Target;
import org.rfbridge.viewer.connect.ConnectView;
import org.rfbridge.viewer.connect.ConnectViewModel;
import org.rfbridge.viewer.connect.PasswordStore;
import org.rfbridge.viewer.connect.RecentConnections;
import org.rfbridge.viewer.session.FramebufferDisplay;
import org.rfbridge.viewer.session.FxClipboard;
import org.rfbridge.viewer.session.FxDialogs;
import org.rfbridge.viewer.session.SessionView;
import org.rfbridge.viewer.session.ResizeMode;
import org.rfbridge.viewer.session.SessionViewModel;

/**
 * The viewer's window: the connection form until a target is chosen, then the session. Wires the views to their
 * view models and the view models to the real dialogs, clipboard and client.
 */
public final class ViewerApp extends Application {
    /** Set by {@link Launcher} before launching; null means defaults. */
    static volatile ViewerCommand options;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "viewer-background");
        t.setDaemon(true);
        return t;
    });
    private Stage stage;
    private Scene scene;
    private SessionViewModel session;
    private SessionView sessionView;
    private FramebufferDisplay display;
    private ConnectViewModel connectModel;
    private ConnectView connectView;
    private EncodingPreferences encodingPreferences = EncodingPreferences.auto();

    @Override
    public void start(Stage primary) {
        ViewerCommand cli = options != null ? options : new ViewerCommand();
        encodingPreferences = cli.encodingPreferences();
        open(primary, cli.target() == null ? null : Target.parse(cli.target()), cli.viewOnly(), cli.resizeMode(),
                cli.fullScreen());
        session.clipboardToServerProperty().set(cli.clipboardSends());
        session.clipboardFromServerProperty().set(cli.clipboardReceives());
        session.setMaxClipboardBytes(cli.maxClipboardBytes());
    }

    /**
     * Builds the window on {@code primary} and shows it; connects at once when {@code target} is given. FX thread.
     * Tests call this with a stage of their own.
     */
    public void open(Stage primary, Target target, boolean viewOnly, ResizeMode resizeMode, boolean fullScreen) {
        stage = primary;
        display = new FramebufferDisplay();
        session = new SessionViewModel(RfbClient::start, display, new FxDialogs(primary), new FxClipboard(),
                PasswordStore.inConfigDirectory(), Platform::runLater, background, System::nanoTime);
        session.encodingPreferencesProperty().set(encodingPreferences);
        session.viewOnlyProperty().set(viewOnly);
        session.resizeModeProperty().set(resizeMode);
        session.setOnLeave(this::showConnectForm);
        sessionView = new SessionView(session, display, this::quit);
        connectModel = new ConnectViewModel(RecentConnections.inConfigDirectory());

        connectView = new ConnectView(connectModel, this::connect);
        scene = new Scene(connectView);
        stage.setScene(scene);
        stage.titleProperty().bind(session.titleProperty());
        stage.fullScreenProperty().addListener((obs, old, full) -> session.fullScreenProperty().set(full));
        session.fullScreenProperty().addListener((obs, old, full) -> stage.setFullScreen(full));
        stage.focusedProperty().addListener((obs, old, focused) -> {
            if (focused) {
                session.focusGained();
            } else {
                session.focusLost();
            }
        });
        display.sizeProperty().addListener((obs, old, size) -> fitWindow());
        stage.setOnCloseRequest(e -> quit());
        // Escape and every other key belong to the remote desktop; full screen is left through the View menu.
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("Full screen: leave it with View > Full screen");
        if (target != null) {
            connectModel.targetProperty().set(target.toString());
            connect(target);
        }
        stage.show();
        session.fullScreenProperty().set(fullScreen);
    }

    /** The session's view model; for tests. */
    public SessionViewModel session() {
        return session;
    }

    /** The display; for tests. */
    public FramebufferDisplay display() {
        return display;
    }

    private void connect(Target target) {
        if (scene.getRoot() != sessionView) {
            scene.setRoot(sessionView);
        }
        sessionView.start();
        session.connect(target);
        stage.sizeToScene();
    }

    private void showConnectForm() {
        sessionView.stop();
        scene.setRoot(connectView);
        if (!stage.isFullScreen()) {
            stage.sizeToScene();
        }
    }

    private void fitWindow() {
        // In remote mode the window decides the desktop's size, not the other way round: fitting the window to the
        // desktop the server just resized would ask for yet another size.
        if (stage.isFullScreen() || stage.isMaximized() || display.sizeProperty().get() == null
                || session.resizeModeProperty().get() == ResizeMode.REMOTE) {
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Dimension2D size = display.sizeProperty().get();
        sessionView.preferViewport(Math.min(size.getWidth(), screen.getWidth() - 40),
                Math.min(size.getHeight(), screen.getHeight() - 100));
        stage.sizeToScene();
        // Growing keeps the top-left corner, which can push the window off the screen: pull it back.
        double x = Math.max(screen.getMinX(), Math.min(stage.getX(), screen.getMaxX() - stage.getWidth()));
        double y = Math.max(screen.getMinY(), Math.min(stage.getY(), screen.getMaxY() - stage.getHeight()));
        stage.setX(x);
        stage.setY(y);
    }

    /** Ends the session and closes the window, leaving the JavaFX toolkit running (tests). FX thread. */
    public void close() {
        session.disconnect();
        sessionView.stop();
        background.shutdown();
        stage.close();
    }

    private void quit() {
        close();
        Platform.exit();
    }
}
