// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.nio.charset.StandardCharsets;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.encoding.Encodings;

/**
 * A rectangle of a FramebufferUpdate that carries no pixels: its header fields mean what its pseudo-encoding
 * says, and its body (possibly empty) follows the header. One factory per pseudo-encoding the server sends.
 */
record PseudoRect(int x, int y, int width, int height, int encoding, byte[] body) {

    /** ExtendedDesktopSize's x: why the size or layout changed. */
    static final int REASON_SERVER = 0;
    static final int REASON_THIS_CLIENT = 1;
    static final int REASON_OTHER_CLIENT = 2;
    /** ExtendedDesktopSize's y: what became of a SetDesktopSize. */
    static final int STATUS_DONE = 0;
    static final int STATUS_PROHIBITED = 1;
    static final int STATUS_OUT_OF_RESOURCES = 2;
    static final int STATUS_INVALID_LAYOUT = 3;

    private static final byte[] NO_BODY = new byte[0];

    /** DesktopSize (RFC 6143 §7.8.2): no body, the rectangle's size is the new framebuffer size. */
    static PseudoRect desktopSize(Rect screen) {
        return new PseudoRect(0, 0, screen.width(), screen.height(), Encodings.DESKTOP_SIZE, NO_BODY);
    }

    /** ExtendedDesktopSize: the size (or, with a status other than 0, the unchanged one) and the screens. */
    static PseudoRect extendedDesktopSize(int reason, int status, int width, int height, ScreenLayout layout) {
        return new PseudoRect(reason, status, width, height, Encodings.EXTENDED_DESKTOP_SIZE, layout.body());
    }

    /** QEMU's announcement that the server takes its extended key events; nothing else. */
    static PseudoRect qemuExtendedKeyEvent() {
        return new PseudoRect(0, 0, 0, 0, Encodings.QEMU_EXTENDED_KEY_EVENT, NO_BODY);
    }

    /** QEMU's LED state: one byte, bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock. */
    static PseudoRect ledState(int locks) {
        return new PseudoRect(0, 0, 0, 0, Encodings.QEMU_LED_STATE, new byte[] {(byte) (locks & 7)});
    }

    /** DesktopName: u32 length and the name in UTF-8. */
    static PseudoRect desktopName(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[4 + utf8.length];
        body[0] = (byte) (utf8.length >>> 24);
        body[1] = (byte) (utf8.length >>> 16);
        body[2] = (byte) (utf8.length >>> 8);
        body[3] = (byte) utf8.length;
        System.arraycopy(utf8, 0, body, 4, utf8.length);
        return new PseudoRect(0, 0, 0, 0, Encodings.DESKTOP_NAME, body);
    }

    /** Whether this one changes the framebuffer's size to {@code width} x {@code height} when applied. */
    boolean resizesTo(int newWidth, int newHeight) {
        boolean sizing = encoding == Encodings.DESKTOP_SIZE
                || (encoding == Encodings.EXTENDED_DESKTOP_SIZE && y == STATUS_DONE);
        return sizing && width == newWidth && height == newHeight;
    }
}
