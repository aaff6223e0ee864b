// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * Reads and validates client-to-server messages (RFC 6143 §7.5, and those of the community extensions the
 * demo serves: EnableContinuousUpdates, Fence, SetDesktopSize, QEMU's extended key event, the extended
 * clipboard) from a blocking stream, one per {@link #readMessage} call. Only used by the session's reader
 * thread.
 *
 * <p>It keeps what the client's last SetEncodings announced, because that decides how two messages read: a
 * negative ClientCutText length is an extended clipboard message only after the client announced the
 * extended clipboard, and QEMU's message type exists only after it announced QEMU's extended key events.
 *
 * <p>Nothing is allocated from a length the client sent before it has been checked: SetEncodings lists and
 * SetDesktopSize screens are read one entry at a time, and cut text over the limit is skipped, not stored.
 */
final class ClientMessageReader {

    static final int SET_PIXEL_FORMAT = 0;
    static final int SET_ENCODINGS = 2;
    static final int FRAMEBUFFER_UPDATE_REQUEST = 3;
    static final int KEY_EVENT = 4;
    static final int POINTER_EVENT = 5;
    static final int CLIENT_CUT_TEXT = 6;
    static final int ENABLE_CONTINUOUS_UPDATES = 150;
    static final int FENCE = 248;
    static final int SET_DESKTOP_SIZE = 251;
    static final int QEMU = 255;
    static final int QEMU_EXTENDED_KEY_EVENT = 0;

    private final DataInputStream in;
    private final int maxCutText;
    private final ExtendedClipboardReader clipboard;
    private ClientEncodings announced = ClientEncodings.NONE;

    /**
     * @param maxCutText the longest ClientCutText accepted; longer ones are skipped
     */
    ClientMessageReader(DataInputStream in, int maxCutText) {
        this.in = in;
        this.maxCutText = maxCutText;
        this.clipboard = new ExtendedClipboardReader(in, maxCutText);
    }

    /**
     * Blocks until one whole message has been read and handed to {@code handler}.
     *
     * @throws java.io.EOFException     if the client closed the connection
     * @throws ClientProtocolException  if the message is malformed or of an unknown type
     */
    void readMessage(ClientMessageHandler handler) throws IOException, ClientProtocolException {
        int type = in.readUnsignedByte();
        switch (type) {
            case SET_PIXEL_FORMAT -> readSetPixelFormat(handler);
            case SET_ENCODINGS -> readSetEncodings(handler);
            case FRAMEBUFFER_UPDATE_REQUEST -> readUpdateRequest(handler);
            case KEY_EVENT -> readKeyEvent(handler);
            case POINTER_EVENT -> readPointerEvent(handler);
            case CLIENT_CUT_TEXT -> readCutText(handler);
            case ENABLE_CONTINUOUS_UPDATES -> readEnableContinuousUpdates(handler);
            case FENCE -> readFence(handler);
            case SET_DESKTOP_SIZE -> readSetDesktopSize(handler);
            case QEMU -> readQemu(handler);
            default -> throw new ClientProtocolException("unknown client message type " + type);
        }
    }

    private void readSetPixelFormat(ClientMessageHandler handler) throws IOException, ClientProtocolException {
        in.readFully(new byte[3]);                                  // padding
        PixelFormat format = ServedPixelFormats.read(in);           // pixel-format
        ServedPixelFormats.requireServable(format);
        handler.setPixelFormat(format);
    }

    private void readSetEncodings(ClientMessageHandler handler) throws IOException {
        in.readUnsignedByte();                                      // padding
        int count = in.readUnsignedShort();                         // number-of-encodings
        ClientEncodings encodings = ClientEncodings.NONE;
        for (int i = 0; i < count; i++) {
            encodings = encodings.with(in.readInt());               // encoding-type (S32)
        }
        announced = encodings;
        handler.setEncodings(encodings);
    }

    private void readUpdateRequest(ClientMessageHandler handler) throws IOException {
        boolean incremental = in.readUnsignedByte() != 0;           // incremental
        int x = in.readUnsignedShort();                             // x-position
        int y = in.readUnsignedShort();                             // y-position
        int width = in.readUnsignedShort();                         // width
        int height = in.readUnsignedShort();                        // height
        handler.updateRequest(incremental, new Rect(x, y, width, height));
    }

    private void readKeyEvent(ClientMessageHandler handler) throws IOException {
        boolean down = in.readUnsignedByte() != 0;                  // down-flag
        in.readUnsignedShort();                                     // padding
        int keysym = in.readInt();                                  // key (U32)
        handler.keyEvent(down, keysym);
    }

    private void readPointerEvent(ClientMessageHandler handler) throws IOException {
        int mask = in.readUnsignedByte();                           // button-mask
        int x = in.readUnsignedShort();                             // x-position
        int y = in.readUnsignedShort();                             // y-position
        handler.pointerEvent(mask, x, y);
    }

    private void readCutText(ClientMessageHandler handler) throws IOException, ClientProtocolException {
        in.readFully(new byte[3]);                                  // padding
        int length = in.readInt();                                  // length (U32, or S32 when extended)
        if (length < 0 && announced.extendedClipboard()) {
            clipboard.read(length, handler);
            return;
        }
        if (length < 0) {
            // As an S32 a negative length announces the Extended Clipboard format, which was not negotiated.
            throw new ClientProtocolException(String.format(
                    "ClientCutText length 0x%08x is extended-clipboard or beyond 2 GiB; not negotiated", length));
        }
        if (length > maxCutText) {
            in.skipNBytes(length);
            handler.cutTextSkipped(length);
            return;
        }
        byte[] text = new byte[length];
        in.readFully(text);                                         // text (Latin-1)
        handler.cutText(new String(text, StandardCharsets.ISO_8859_1));
    }

    private void readEnableContinuousUpdates(ClientMessageHandler handler) throws IOException, ClientProtocolException {
        boolean enable = in.readUnsignedByte() != 0;                // enable-flag
        int x = in.readUnsignedShort();                             // x-position
        int y = in.readUnsignedShort();                             // y-position
        int width = in.readUnsignedShort();                         // width
        int height = in.readUnsignedShort();                        // height
        handler.continuousUpdates(enable, new Rect(x, y, width, height));
    }

    private void readFence(ClientMessageHandler handler) throws IOException, ClientProtocolException {
        in.readFully(new byte[3]);                                  // padding
        int flags = in.readInt();                                   // flags
        int length = in.readUnsignedByte();                         // length
        if (length > ServerMessageWriter.MAX_FENCE_PAYLOAD) {
            throw new ClientProtocolException("Fence payload of " + length + " bytes is over the "
                    + ServerMessageWriter.MAX_FENCE_PAYLOAD + " the message allows");
        }
        byte[] payload = new byte[length];
        in.readFully(payload);                                      // payload
        handler.fence(flags, payload);
    }

    private void readSetDesktopSize(ClientMessageHandler handler) throws IOException {
        in.readUnsignedByte();                                      // padding
        int width = in.readUnsignedShort();                         // width
        int height = in.readUnsignedShort();                        // height
        int count = in.readUnsignedByte();                          // number-of-screens (at most 255)
        in.readUnsignedByte();                                      // padding
        List<ScreenLayout.Screen> screens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int id = in.readInt();                                  // id
            int x = in.readUnsignedShort();                         // x-position
            int y = in.readUnsignedShort();                         // y-position
            int w = in.readUnsignedShort();                         // width
            int h = in.readUnsignedShort();                         // height
            int flags = in.readInt();                               // flags
            screens.add(new ScreenLayout.Screen(id, x, y, w, h, flags));
        }
        handler.setDesktopSize(width, height, new ScreenLayout(screens));
    }

    private void readQemu(ClientMessageHandler handler) throws IOException, ClientProtocolException {
        if (!announced.qemuKeyEvents()) {
            throw new ClientProtocolException("client message type 255 (QEMU) without the QEMUExtendedKeyEvent "
                    + "pseudo-encoding announced");
        }
        int submessage = in.readUnsignedByte();                     // submessage-type
        if (submessage != QEMU_EXTENDED_KEY_EVENT) {
            throw new ClientProtocolException("unknown QEMU client message " + submessage
                    + " (the demo takes only extended key events, 0)");
        }
        int down = in.readUnsignedShort();                          // down-flag
        int keysym = in.readInt();                                  // keysym
        int keycode = in.readInt();                                 // keycode (XT scancode, QEMU's form)
        handler.qemuKeyEvent(down != 0, keysym, keycode);
    }
}
