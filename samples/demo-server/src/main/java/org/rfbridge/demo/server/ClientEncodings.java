// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import org.rfbridge.rfb.encoding.Encodings;

/**
 * What a client's last SetEncodings (RFC 6143 §7.5.2) announced, reduced to what the demo server can use: the
 * encodings it may send and the extensions it may use with this client. A client that sent none has
 * {@link #NONE}: Raw only, no extension.
 *
 * @param listed how many encodings the message listed, for logs
 */
record ClientEncodings(boolean copyRect, boolean desktopSize, boolean extendedDesktopSize, boolean fence,
                       boolean continuousUpdates, boolean extendedClipboard, boolean qemuKeyEvents,
                       boolean qemuLedState, boolean desktopName, int listed) {

    static final ClientEncodings NONE = new ClientEncodings(false, false, false, false, false, false, false, false,
            false, 0);

    /** Adds {@code encoding} to what is announced; unknown ones change nothing but the count. */
    ClientEncodings with(int encoding) {
        return new ClientEncodings(
                copyRect || encoding == Encodings.COPY_RECT,
                desktopSize || encoding == Encodings.DESKTOP_SIZE,
                extendedDesktopSize || encoding == Encodings.EXTENDED_DESKTOP_SIZE,
                fence || encoding == Encodings.FENCE,
                continuousUpdates || encoding == Encodings.CONTINUOUS_UPDATES,
                extendedClipboard || encoding == Encodings.EXTENDED_CLIPBOARD,
                qemuKeyEvents || encoding == Encodings.QEMU_EXTENDED_KEY_EVENT,
                qemuLedState || encoding == Encodings.QEMU_LED_STATE,
                desktopName || encoding == Encodings.DESKTOP_NAME,
                listed + 1);
    }

    /** For tests and logs: just CopyRect and DesktopSize as given. */
    static ClientEncodings basic(boolean copyRect, boolean desktopSize) {
        return new ClientEncodings(copyRect, desktopSize, false, false, false, false, false, false, false, 0);
    }
}
