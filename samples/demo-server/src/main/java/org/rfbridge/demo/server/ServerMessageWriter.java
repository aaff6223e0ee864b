// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Builds the server-to-client messages other than FramebufferUpdate ({@link UpdateEncoder} writes that),
 * one method per message, each returning the whole message in wire order. Stateless.
 */
final class ServerMessageWriter {

    static final int SERVER_CUT_TEXT = 3;
    static final int END_OF_CONTINUOUS_UPDATES = 150;
    static final int FENCE = 248;

    static final int FENCE_BLOCK_BEFORE = 0x0000_0001;
    static final int FENCE_BLOCK_AFTER = 0x0000_0002;
    static final int FENCE_SYNC_NEXT = 0x0000_0004;
    static final int FENCE_REQUEST = 0x8000_0000;
    /** The flags a fence answer may keep: the known ones but Request. */
    static final int FENCE_ANSWER_MASK = FENCE_BLOCK_BEFORE | FENCE_BLOCK_AFTER | FENCE_SYNC_NEXT;
    static final int MAX_FENCE_PAYLOAD = 64;

    private ServerMessageWriter() {
    }

    /** Fence: {@code f8}, 3 padding, u32 flags, u8 length, payload of at most 64 bytes. */
    static byte[] fence(int flags, byte[] payload) {
        if (payload.length > MAX_FENCE_PAYLOAD) {
            throw new IllegalArgumentException("fence payload of " + payload.length + " bytes");
        }
        byte[] out = new byte[9 + payload.length];
        out[0] = (byte) FENCE;                          // message-type
        putU32(out, 4, flags);                          // 3 padding, flags
        out[8] = (byte) payload.length;                 // length
        System.arraycopy(payload, 0, out, 9, payload.length);   // payload
        return out;
    }

    /** Bytes of a {@link #sequenceFence}: the fence's 9 and its 4-byte payload. */
    static final int SEQUENCE_FENCE_LENGTH = 9 + 4;

    /**
     * The server's own fences: a 4-byte payload holding a sequence number (0 for the first, which shows the
     * client the server has fences, then flow control's), which the client's answer echoes.
     */
    static byte[] sequenceFence(int flags, int sequence) {
        return fence(flags, new byte[] {
            (byte) (sequence >>> 24), (byte) (sequence >>> 16), (byte) (sequence >>> 8), (byte) sequence});
    }

    /** EndOfContinuousUpdates: the message type alone. */
    static byte[] endOfContinuousUpdates() {
        return new byte[] {(byte) END_OF_CONTINUOUS_UPDATES};
    }

    /**
     * ServerCutText (RFC 6143 §7.6.4) for a client without the extended clipboard: Latin-1, with {@code ?} for
     * every character (code point, not UTF-16 unit) beyond it, and LF line ends as given.
     */
    static byte[] serverCutText(String text) {
        StringBuilder latin1 = new StringBuilder(text.length());
        text.codePoints().forEach(c -> latin1.append(c <= 0xFF ? (char) c : '?'));
        return cutText(latin1.toString().getBytes(StandardCharsets.ISO_8859_1), false);
    }

    /**
     * Extended clipboard caps: flags caps, the formats (text) and the actions the server supports, then the
     * largest text it takes.
     */
    static byte[] clipboardCaps(int maxText) {
        byte[] body = new byte[8];
        putU32(body, 0, ExtendedClipboardFlags.SERVER_ACTIONS | ExtendedClipboardFlags.TEXT);   // flags
        putU32(body, 4, maxText);                                                              // text size
        return cutText(body, true);
    }

    /** Extended clipboard request for text: the client should provide its clipboard. */
    static byte[] clipboardRequest() {
        return clipboardFlags(ExtendedClipboardFlags.REQUEST | ExtendedClipboardFlags.TEXT);
    }

    /** Extended clipboard notify: text is available (or, with {@code hasText} false, nothing is). */
    static byte[] clipboardNotify(boolean hasText) {
        return clipboardFlags(ExtendedClipboardFlags.NOTIFY | (hasText ? ExtendedClipboardFlags.TEXT : 0));
    }

    /**
     * Extended clipboard provide: a zlib stream of its own holding u32 length and the text as UTF-8 with CRLF
     * line ends and a terminating NUL (counted in the length); with {@code text} null, the stream holds
     * nothing and the flags no format.
     */
    static byte[] clipboardProvide(String text) {
        byte[] inflated = text == null ? new byte[0] : withLength(ExtendedClipboardText.encode(text));
        Deflater deflater = new Deflater();
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + inflated.length / 2);
        byte[] flags = new byte[4];
        putU32(flags, 0, ExtendedClipboardFlags.PROVIDE | (text == null ? 0 : ExtendedClipboardFlags.TEXT));
        body.writeBytes(flags);
        try {
            deflater.setInput(inflated);
            deflater.finish();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                body.write(chunk, 0, deflater.deflate(chunk));
            }
        } finally {
            deflater.end();
        }
        return cutText(body.toByteArray(), true);
    }

    /** How many bytes the provide of {@code text} inflates to: what a client's text size limit counts. */
    static long provideTextLength(String text) {
        return ExtendedClipboardText.encode(text).length;
    }

    private static byte[] withLength(byte[] data) {
        byte[] out = new byte[4 + data.length];
        putU32(out, 0, data.length);
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    private static byte[] clipboardFlags(int flags) {
        byte[] body = new byte[4];
        putU32(body, 0, flags);
        return cutText(body, true);
    }

    /** ServerCutText's frame: type, 3 padding, S32 length (negated for an extended message), then the body. */
    private static byte[] cutText(byte[] body, boolean extended) {
        byte[] out = new byte[8 + body.length];
        out[0] = (byte) SERVER_CUT_TEXT;                // message-type
        putU32(out, 4, extended ? -body.length : body.length);  // 3 padding, length
        System.arraycopy(body, 0, out, 8, body.length); // text, or flags and data
        return out;
    }

    private static void putU32(byte[] out, int o, int value) {
        out[o] = (byte) (value >>> 24);
        out[o + 1] = (byte) (value >>> 16);
        out[o + 2] = (byte) (value >>> 8);
        out[o + 3] = (byte) value;
    }
}
