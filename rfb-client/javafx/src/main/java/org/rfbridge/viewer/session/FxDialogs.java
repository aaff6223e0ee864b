// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX dialogs owned by the viewer's window. */
public final class FxDialogs implements DialogService {
    /** CSS ids, used by the UI tests. */
    public static final String PASSWORD_FIELD_ID = "password-field";
    public static final String REMEMBER_ID = "password-remember";
    public static final String ERROR_DIALOG_ID = "error-dialog";

    private final Window owner;

    public FxDialogs(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<PasswordAnswer> askPassword(String target, boolean offerRemember) {
        Dialog<PasswordAnswer> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Password");
        dialog.setHeaderText("The VNC server at " + target + " asks for a password.");
        PasswordField field = new PasswordField();
        field.setId(PASSWORD_FIELD_ID);
        CheckBox remember = new CheckBox("Remember this password (kept in a file only you can read)");
        remember.setId(REMEMBER_ID);
        VBox box = new VBox(8, new Label("Password:"), field);
        if (offerRemember) {
            box.getChildren().add(remember);
        }
        box.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(box);
        ButtonType ok = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ok
                ? new PasswordAnswer(field.getText().toCharArray(), remember.isSelected()) : null);
        Platform.runLater(field::requestFocus);
        Optional<PasswordAnswer> answer = dialog.showAndWait();
        field.clear();
        return answer;
    }

    @Override
    public boolean askReconnect(String title, String reason) {
        ButtonType reconnect = new ButtonType("Reconnect", ButtonBar.ButtonData.YES);
        ButtonType close = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.ERROR, reason, reconnect, close);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setId(ERROR_DIALOG_ID);
        return alert.showAndWait().filter(reconnect::equals).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> askScreenshotFile(String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save screenshot");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            path = path.resolveSibling(path.getFileName() + ".png");
        }
        return Optional.of(path);
    }
}
