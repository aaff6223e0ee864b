// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.rfbridge.demo.server.ExtendedClipboardFlags.ACTION_MASK;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.CAPS;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.FORMAT_MASK;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.NOTIFY;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.PEEK;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.PROVIDE;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.REQUEST;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.TEXT;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the body of an extended ClientCutText (one whose S32 length is negative) and hands the one action it
 * carries to the handler. Only used by the session's reader thread, through {@link ClientMessageReader}.
 *
 * <p>Memory stays bounded by the text limit: a message longer than the limit (plus headroom) is skipped as it
 * streams past, and a provide is inflated only as far as its text, into a buffer no larger than the text's
 * declared length, which is checked against the limit first. A zlib bomb costs its compressed size.
 */
final class ExtendedClipboardReader {

    private final DataInputStream in;
    private final int maxText;

    /** @param maxText the longest clipboard text kept, in bytes of its wire form */
    ExtendedClipboardReader(DataInputStream in, int maxText) {
        this.in = in;
        this.maxText = maxText;
    }

    /**
     * @param length the message's length field, negative
     * @throws ClientProtocolException for a message the extension does not allow, or data that is not zlib
     */
    void read(int length, ClientMessageHandler handler) throws IOException, ClientProtocolException {
        long size = -(long) length;
        if (size < 4) {
            throw new ClientProtocolException(
                    "ExtendedClipboard message of " + size + " bytes is shorter than its 4-byte flags");
        }
        if (size > (long) maxText + ExtendedClipboardFlags.MESSAGE_OVERHEAD) {
            in.skipNBytes(size);
            handler.cutTextSkipped(size);
            return;
        }
        int flags = in.readInt();                                   // flags
        byte[] data = new byte[(int) size - 4];
        in.readFully(data);                                         // the action's data
        int formats = flags & FORMAT_MASK;
        int actions = flags & ACTION_MASK;
        if ((actions & CAPS) != 0) {
            readCaps(formats, actions & ~CAPS, data, handler);
            return;
        }
        switch (actions) {
            case REQUEST -> handler.clipboardRequest(formats);
            case PEEK -> handler.clipboardPeek();
            case NOTIFY -> handler.clipboardNotify(formats);
            case PROVIDE -> readProvide(formats, data, handler);
            default -> throw new ClientProtocolException(String.format(
                    "ExtendedClipboard message with actions 0x%08x: exactly one is allowed", actions));
        }
    }

    private static void readCaps(int formats, int actions, byte[] data, ClientMessageHandler handler)
            throws ClientProtocolException {
        int listed = Integer.bitCount(formats);
        if (data.length < 4 * listed) {
            throw new ClientProtocolException("ExtendedClipboard caps of " + (4 + data.length) + " bytes lists "
                    + listed + " formats, which need " + (4 + 4 * listed));
        }
        // The sizes follow in bit order, so text's, when listed, comes first.
        long textMax = (formats & TEXT) == 0 ? 0 : u32(data, 0);
        handler.clipboardCaps(formats, actions, textMax);
    }

    private void readProvide(int formats, byte[] data, ClientMessageHandler handler) throws ClientProtocolException {
        if ((formats & TEXT) == 0) {
            // Nothing the demo can use: the data is not even inflated.
            return;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] lengthField = inflateExactly(inflater, 4, "its text's length");
            long textLength = u32(lengthField, 0);
            if (textLength > maxText) {
                handler.clipboardDropped("clipboard text of " + textLength + " bytes is over the limit of "
                        + maxText + " bytes");
                return;
            }
            byte[] text = inflateExactly(inflater, (int) textLength, "its text");
            String decoded = ExtendedClipboardText.decode(text);
            if (decoded == null) {
                handler.clipboardDropped("clipboard text is not UTF-8");
                return;
            }
            handler.clipboardProvide(decoded);
        } finally {
            inflater.end();
        }
    }

    private static byte[] inflateExactly(Inflater inflater, int count, String what) throws ClientProtocolException {
        byte[] out = new byte[count];
        int filled = 0;
        try {
            while (filled < count) {
                int n = inflater.inflate(out, filled, count - filled);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ClientProtocolException("ExtendedClipboard provide data ends inside " + what);
                }
                filled += n;
            }
        } catch (DataFormatException e) {
            throw new ClientProtocolException("ExtendedClipboard provide data is not valid zlib");
        }
        return out;
    }

    private static long u32(byte[] b, int o) {
        return ((b[o] & 0xFFL) << 24) | ((b[o + 1] & 0xFFL) << 16) | ((b[o + 2] & 0xFFL) << 8) | (b[o + 3] & 0xFFL);
    }
}
