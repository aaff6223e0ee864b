// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

/** The local system clipboard's text; called on the JavaFX application thread. */
public interface ClipboardService {
    /** The clipboard's text, or null when it holds none. */
    String getText();

    void setText(String text);
}
