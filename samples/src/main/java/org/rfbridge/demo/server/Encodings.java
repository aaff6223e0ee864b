// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

/** Encoding numbers the demo server knows (RFC 6143 §7.7), with names for logs. */
final class Encodings {

    static final int RAW = 0;
    static final int COPY_RECT = 1;
    static final int DESKTOP_SIZE = -223;

    private Encodings() {
    }

    static String name(int encoding) {
        return switch (encoding) {
            case RAW -> "Raw";
            case COPY_RECT -> "CopyRect";
            case DESKTOP_SIZE -> "DesktopSize";
            default -> "encoding " + encoding;
        };
    }
}
