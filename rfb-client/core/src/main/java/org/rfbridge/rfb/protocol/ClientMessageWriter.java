// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * Writes client-to-server messages (RFC 6143 section 7.5), one method per message, fields in wire order.
 * Arguments are checked against their wire field sizes. Not thread-safe: the session thread owns it.
 */
public final class ClientMessageWriter {
    public static final int SET_PIXEL_FORMAT = 0;
    public static final int SET_ENCODINGS = 2;
    public static final int FRAMEBUFFER_UPDATE_REQUEST = 3;
    public static final int KEY_EVENT = 4;
    public static final int POINTER_EVENT = 5;
    public static final int CLIENT_CUT_TEXT = 6;
    public static final int XVP = 250;
    public static final int QEMU_CLIENT_MESSAGE = 255;
    public static final int ENABLE_CONTINUOUS_UPDATES = 150;
    public static final int FENCE = 248;
    public static final int SET_DESKTOP_SIZE = 251;

    private final RfbOutput out;

    public ClientMessageWriter(RfbOutput out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** SetPixelFormat, RFC 6143 section 7.5.1. */
    public void setPixelFormat(PixelFormat pf) {
        out.writeU8(SET_PIXEL_FORMAT) // message-type
                .pad(3); // padding
        pf.write(out); // pixel-format
    }

    /** SetEncodings, RFC 6143 section 7.5.2. */
    public void setEncodings(List<Integer> encodings) {
        checkU16("number of encodings", encodings.size());
        out.writeU8(SET_ENCODINGS) // message-type
                .pad(1) // padding
                .writeU16(encodings.size()); // number-of-encodings
        for (int encoding : encodings) {
            out.writeS32(encoding); // encoding-type
        }
    }

    /** FramebufferUpdateRequest, RFC 6143 section 7.5.3. */
    public void framebufferUpdateRequest(boolean incremental, int x, int y, int width, int height) {
        checkArea(x, y, width, height);
        out.writeU8(FRAMEBUFFER_UPDATE_REQUEST) // message-type
                .writeU8(incremental ? 1 : 0); // incremental
        writeArea(x, y, width, height);
    }

    /** KeyEvent, RFC 6143 section 7.5.4; {@code keysym} is an X11 keysym (see {@link Keysyms}). */
    public void keyEvent(boolean down, int keysym) {
        out.writeU8(KEY_EVENT) // message-type
                .writeU8(down ? 1 : 0) // down-flag
                .pad(2) // padding
                .writeS32(keysym); // key
    }

    /**
     * PointerEvent, RFC 6143 section 7.5.5; {@code buttonMask} has bit 0 for button 1 up to bit 7 for button 8
     * (see {@link PointerButtons}).
     */
    public void pointerEvent(int buttonMask, int x, int y) {
        if (buttonMask < 0 || buttonMask > 0xFF) {
            throw new IllegalArgumentException("button mask " + buttonMask + " outside 0..255");
        }
        checkU16("x", x);
        checkU16("y", y);
        out.writeU8(POINTER_EVENT) // message-type
                .writeU8(buttonMask) // button-mask
                .writeU16(x) // x-position
                .writeU16(y); // y-position
    }

    /**
     * ClientCutText, RFC 6143 section 7.5.6. The text is sent as ISO-8859-1; characters outside it become
     * {@code '?'}, since the protocol cannot carry them; CR LF and lone CR become LF, the only line end the
     * RFC allows.
     */
    public void clientCutText(String text) {
        byte[] latin1 = text.replaceAll("\r\n?", "\n").getBytes(StandardCharsets.ISO_8859_1);
        out.writeU8(CLIENT_CUT_TEXT) // message-type
                .pad(3) // padding
                .writeU32(latin1.length) // length
                .writeBytes(latin1); // text
    }

    /**
     * An ExtendedClipboard message: ClientCutText with the negated length of {@code flags} and {@code data}, as
     * {@link ExtendedClipboard} builds them.
     */
    public void extendedCutText(int flags, byte[] data) {
        out.writeU8(CLIENT_CUT_TEXT) // message-type
                .pad(3) // padding
                .writeS32(-(4 + data.length)) // length, negative: extended
                .writeS32(flags) // flags
                .writeBytes(data); // action's data
    }

    /**
     * QEMU's extended key event: the keysym together with the XT scancode of the key pressed (QEMU's form: an
     * {@code e0}-prefixed key is {@code 0x80} or'ed with its second byte), so a guest gets the key whatever its
     * layout.
     */
    public void qemuExtendedKeyEvent(boolean down, int keysym, int scancode) {
        out.writeU8(QEMU_CLIENT_MESSAGE) // message-type
                .writeU8(0) // submessage-type: extended key event
                .writeU16(down ? 1 : 0) // down-flag
                .writeS32(keysym) // keysym
                .writeS32(scancode); // keycode
    }

    /** XVP: ask for a power action ({@code code} 2 shutdown, 3 reboot, 4 reset). */
    public void xvp(int code) {
        out.writeU8(XVP) // message-type
                .pad(1) // padding
                .writeU8(1) // xvp-extension-version
                .writeU8(code); // xvp-message-code
    }

    /** EnableContinuousUpdates (community RFB extensions): the area the server keeps sending, or stop. */
    public void enableContinuousUpdates(boolean enable, int x, int y, int width, int height) {
        checkArea(x, y, width, height);
        out.writeU8(ENABLE_CONTINUOUS_UPDATES) // message-type
                .writeU8(enable ? 1 : 0); // enable-flag
        writeArea(x, y, width, height);
    }

    private static void checkArea(int x, int y, int width, int height) {
        checkU16("x", x);
        checkU16("y", y);
        checkU16("width", width);
        checkU16("height", height);
    }

    private void writeArea(int x, int y, int width, int height) {
        out.writeU16(x) // x-position
                .writeU16(y) // y-position
                .writeU16(width) // width
                .writeU16(height); // height
    }

    /** Fence (community RFB extensions), a request or an answer; the payload is at most 64 bytes. */
    public void fence(int flags, byte[] payload) {
        if (payload.length > ContinuousUpdates.MAX_FENCE_PAYLOAD) {
            throw new IllegalArgumentException("fence payload of " + payload.length + " bytes");
        }
        out.writeU8(FENCE) // message-type
                .pad(3) // padding
                .writeS32(flags) // flags
                .writeU8(payload.length) // length
                .writeBytes(payload); // payload
    }

    /** SetDesktopSize (community RFB extensions): the framebuffer size and screens this client asks for. */
    public void setDesktopSize(int width, int height, ScreenLayout layout) {
        checkU16("width", width);
        checkU16("height", height);
        if (layout.screens().isEmpty() || layout.screens().size() > 0xFF) {
            throw new IllegalArgumentException(layout.screens().size() + " screens");
        }
        out.writeU8(SET_DESKTOP_SIZE) // message-type
                .pad(1) // padding
                .writeU16(width) // width
                .writeU16(height) // height
                .writeU8(layout.screens().size()) // number-of-screens
                .pad(1); // padding
        layout.write(out); // screens
    }

    private static void checkU16(String field, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(field + " " + value + " outside 0..65535");
        }
    }
}
