// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The dialogs a session needs, so that the view model can be tested without windows. Every method is called on
 * the JavaFX application thread and may wait for the user (in a nested event loop, which keeps the UI live).
 */
public interface DialogService {
    /** What the user answered when asked for a password. */
    record PasswordAnswer(char[] password, boolean remember) {
    }

    /**
     * Asks for the VNC password of {@code target}.
     *
     * @param offerRemember whether to offer keeping it (only where it can be stored owner-only)
     * @return the answer, or empty when the user cancelled
     */
    Optional<PasswordAnswer> askPassword(String target, boolean offerRemember);

    /**
     * Tells the user the session ended with {@code reason} and offers to reconnect.
     *
     * @return true to reconnect, false to go back to the connection form
     */
    boolean askReconnect(String title, String reason);

    /** Shows an error that needs no decision. */
    void showError(String title, String message);

    /** Asks where to save a screenshot; empty when cancelled. */
    Optional<Path> askScreenshotFile(String suggestedName);
}
