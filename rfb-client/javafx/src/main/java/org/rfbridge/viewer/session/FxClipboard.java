// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard through JavaFX. FX thread. */
public final class FxClipboard implements ClipboardService {
    @Override
    public String getText() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? clipboard.getString() : null;
    }

    @Override
    public void setText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
