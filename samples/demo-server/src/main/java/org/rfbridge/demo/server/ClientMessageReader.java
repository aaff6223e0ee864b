// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * Reads and validates client-to-server messages (RFC 6143 §7.5) from a blocking stream, one per
 * {@link #readMessage} call. Only used by the session's reader thread.
 *
 * <p>Nothing is allocated from a length the client sent before it has been checked: SetEncodings lists are
 * read one entry at a time, and cut text over the limit is skipped, not stored.
 */
final class ClientMessageReader {

    static final int SET_PIXEL_FORMAT = 0;
    static final int SET_ENCODINGS = 2;
    static final int FRAMEBUFFER_UPDATE_REQUEST = 3;
    static final int KEY_EVENT = 4;
    static final int POINTER_EVENT = 5;
    static final int CLIENT_CUT_TEXT = 6;

    private final DataInputStream in;
    private final int maxCutText;

    /**
     * @param maxCutText the longest ClientCutText accepted; longer ones are skipped
     */
    ClientMessageReader(DataInputStream in, int maxCutText) {
        this.in = in;
        this.maxCutText = maxCutText;
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
        boolean copyRect = false;
        boolean desktopSize = false;
        for (int i = 0; i < count; i++) {
            int encoding = in.readInt();                            // encoding-type (S32)
            copyRect |= encoding == Encodings.COPY_RECT;
            desktopSize |= encoding == Encodings.DESKTOP_SIZE;
        }
        handler.setEncodings(copyRect, desktopSize, count);
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
        int length = in.readInt();                                  // length (U32)
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
}
