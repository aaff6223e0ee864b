// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.connect;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rfbridge.rfb.client.Target;

/**
 * The connection form: a target field with the recent targets, a Connect button and the reason a target was
 * refused. Builds and binds controls only; {@link ConnectViewModel} decides.
 */
public final class ConnectView extends VBox {
    /** CSS ids, used by the UI tests. */
    public static final String TARGET_ID = "connect-target";
    public static final String CONNECT_ID = "connect-button";
    public static final String ERROR_ID = "connect-error";

    public ConnectView(ConnectViewModel model, Consumer<Target> onConnect) {
        ComboBox<String> target = new ComboBox<>(model.recentTargets());
        target.setId(TARGET_ID);
        target.setEditable(true);
        target.setPromptText("host:display, host::port, ws://host:port/path or wss://...");
        target.getEditor().textProperty().bindBidirectional(model.targetProperty());
        target.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(target, Priority.ALWAYS);

        Button connect = new Button("Connect");
        connect.setId(CONNECT_ID);
        connect.setDefaultButton(true);
        connect.disableProperty().bind(model.connectDisabledProperty());
        connect.setOnAction(e -> model.connect().ifPresent(onConnect));
        // The editable combo box's editor takes Enter before the default button sees it.
        target.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !target.isShowing()) {
                e.consume();
                if (!connect.isDisabled()) {
                    connect.fire();
                }
            }
        });

        Label error = new Label();
        error.setId(ERROR_ID);
        error.textProperty().bind(model.errorProperty());
        error.setStyle("-fx-text-fill: #b00020;");
        error.setWrapText(true);

        HBox row = new HBox(8, new Label("VNC server:"), target, connect);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(row, error);
        setSpacing(8);
        setPadding(new Insets(16));
        setPrefWidth(560);
    }
}
