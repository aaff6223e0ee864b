// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.rfbridge.rfb.client.RfbClient;

/**
 * Keeps the local clipboard and the server's in step. The server's text goes to the local clipboard as it
 * arrives; the local text goes to the server when the window gets focus and it changed, which is when a
 * user who copied something elsewhere comes back to paste it. Text that came from the server is not sent
 * back, so two clipboards never echo each other.
 *
 * <p>Called on the JavaFX application thread only.
 */
final class ClipboardSync {
    private final ClipboardService clipboard;
    private final Supplier<RfbClient> inputClient;
    private final BooleanProperty toServer = new SimpleBooleanProperty(true);
    private final BooleanProperty fromServer = new SimpleBooleanProperty(true);
    private String lastSent;
    private String lastReceived;

    /**
     * @param inputClient the client that takes input now, or null (not connected, or view only)
     */
    ClipboardSync(ClipboardService clipboard, Supplier<RfbClient> inputClient) {
        this.clipboard = clipboard;
        this.inputClient = inputClient;
    }

    /** Whether the local clipboard goes to the server (the user may keep it private). */
    BooleanProperty toServerProperty() {
        return toServer;
    }

    /** Whether the server's clipboard replaces the local one. */
    BooleanProperty fromServerProperty() {
        return fromServer;
    }

    /** Offers the local clipboard to the server if it holds something new. */
    void offerIfChanged() {
        String text = clipboard.getText();
        if (text != null && !text.equals(lastSent) && !text.equals(lastReceived)) {
            send(text);
        }
    }

    /** The local clipboard's text, or null. */
    String localText() {
        return clipboard.getText();
    }

    /** Sends the local clipboard's text to the server now, changed or not. */
    void sendLocal() {
        String text = clipboard.getText();
        if (text != null) {
            send(text);
        }
    }

    /** The server's clipboard changed to {@code text}. */
    void received(String text) {
        if (!fromServer.get()) {
            return;
        }
        lastReceived = text;
        clipboard.setText(text);
    }

    private void send(String text) {
        RfbClient client = inputClient.get();
        if (client != null && toServer.get()) {
            client.sendClipboard(text);
            lastSent = text;
        }
    }
}
