// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;

/**
 * The extended clipboard (UTF-8 text both ways) of one session, as {@code protocol-tests/EXTENSIONS.md} describes
 * it (the JavaScript core's {@code extended-clipboard.js}): what the server's caps allow, the text this client
 * offered, and the answers to the server's caps, notify, request, peek and provide. It holds no more than the
 * viewer's limit of text: a provide is inflated only as far as its text, so a zlib bomb costs nothing.
 */
final class ExtendedClipboard {
    static final int TEXT = 0x1;
    static final int CAPS = 0x0100_0000;
    static final int REQUEST = 0x0200_0000;
    static final int PEEK = 0x0400_0000;
    static final int NOTIFY = 0x0800_0000;
    static final int PROVIDE = 0x1000_0000;
    static final int ACTIONS = CAPS | REQUEST | PEEK | NOTIFY | PROVIDE;
    /** An extended message may be this much longer than the text limit: flags, lengths and zlib's framing. */
    static final int MESSAGE_ALLOWANCE = 1024;

    /** Where the answers go: the connection's writer and its events. */
    interface Peer {
        void sendExtended(int flags, byte[] data);

        void sendLegacy(String text);

        void text(String text);

        void dropped(String message);
    }

    private final Peer peer;
    private final int limit;
    private boolean on;
    private int serverFlags;
    private long serverTextLimit;
    private byte[] offered;

    ExtendedClipboard(Peer peer, int limit) {
        this.peer = peer;
        this.limit = limit;
    }

    /** The longest extended message the reader takes; longer ones are skipped as they stream past. */
    static long maxMessageBytes(int limit) {
        return (long) limit + MESSAGE_ALLOWANCE;
    }

    /** Caps (whose other action bits list what the sender supports), or exactly one other action. */
    static void checkActions(int flags) throws RfbProtocolException {
        int actions = flags & ACTIONS;
        if ((actions & CAPS) == 0 && Integer.bitCount(actions) != 1) {
            throw new RfbProtocolException(ErrorCode.BAD_MESSAGE, String.format(java.util.Locale.ROOT,
                    "ExtendedClipboard message with actions 0x%08x: exactly one is allowed", actions));
        }
    }

    /** Whether the server's caps came: from then on text goes as extended messages. */
    boolean isOn() {
        return on;
    }

    /** An extended message from the server: {@code flags} checked by {@link #checkActions}, then its data. */
    void received(int flags, byte[] data) throws RfbProtocolException {
        if ((flags & CAPS) != 0) {
            caps(flags, data);
            return;
        }
        switch (flags & ACTIONS) {
            case NOTIFY -> {
                if ((flags & TEXT) != 0) {
                    peer.sendExtended(REQUEST | TEXT, new byte[0]);
                }
            }
            case REQUEST -> {
                if ((flags & TEXT) != 0) {
                    peer.sendExtended(PROVIDE | (offered == null ? 0 : TEXT), provideData(offered));
                }
            }
            case PEEK -> peer.sendExtended(NOTIFY | (offered == null ? 0 : TEXT), new byte[0]);
            case PROVIDE -> {
                if ((flags & TEXT) != 0) {
                    provided(data);
                }
            }
            default -> throw new IllegalStateException("unchecked actions " + flags);
        }
    }

    private void caps(int flags, byte[] data) throws RfbProtocolException {
        int formats = Integer.bitCount(flags & 0xFFFF);
        if (data.length < formats * 4) {
            throw new RfbProtocolException(ErrorCode.BAD_MESSAGE, "ExtendedClipboard caps of " + (data.length + 4)
                    + " bytes lists " + formats + " formats, which need " + (formats * 4 + 4));
        }
        serverFlags = flags;
        // Sizes come in bit order, so text's, if listed, is the first.
        serverTextLimit = (flags & TEXT) != 0 ? ByteBuffer.wrap(data, 0, 4).getInt() & 0xFFFF_FFFFL : 0;
        on = true;
        peer.sendExtended(ACTIONS | TEXT, ByteBuffer.allocate(4).putInt(limit).array());
    }

    private void provided(byte[] data) throws RfbProtocolException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            byte[] length = new byte[4];
            inflateFully(inflater, length);
            long size = ByteBuffer.wrap(length).getInt() & 0xFFFF_FFFFL;
            if (size > limit) {
                peer.dropped("the server's clipboard text of " + size + " bytes is over this viewer's limit of "
                        + limit + " bytes");
                return;
            }
            byte[] text = new byte[(int) size];
            inflateFully(inflater, text);
            int end = text.length > 0 && text[text.length - 1] == 0 ? text.length - 1 : text.length;
            String decoded;
            try {
                decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(text, 0, end))
                        .toString();
            } catch (CharacterCodingException e) {
                peer.dropped("the server's clipboard text is not UTF-8");
                return;
            }
            peer.text(ServerText.toLf(decoded));
        } finally {
            inflater.end();
        }
    }

    private static void inflateFully(Inflater inflater, byte[] into) throws RfbProtocolException {
        int at = 0;
        try {
            while (at < into.length) {
                int n = inflater.inflate(into, at, into.length - at);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    if (inflater.needsDictionary()) {
                        throw new DataFormatException("dictionary");
                    }
                    throw new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA,
                            "the server's clipboard data ends inside its text");
                }
                at += n;
            }
        } catch (DataFormatException e) {
            throw new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA,
                    "the server's clipboard data is not valid zlib");
        }
    }

    /** The viewer's clipboard changed: offer {@code text} by the server's caps, or send it the legacy way. */
    void offer(String text) {
        if (!on || (serverFlags & TEXT) == 0) {
            peer.sendLegacy(text);
            return;
        }
        byte[] bytes = (ServerText.toLf(text).replace("\n", "\r\n") + "\0").getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limit) {
            peer.dropped("the clipboard text of " + bytes.length + " bytes is over this viewer's limit of " + limit
                    + " bytes");
            return;
        }
        if (serverTextLimit != 0 && bytes.length > serverTextLimit) {
            peer.dropped("the clipboard text of " + bytes.length + " bytes is over the server's limit of "
                    + serverTextLimit + " bytes");
            return;
        }
        if ((serverFlags & NOTIFY) != 0) {
            offered = bytes;
            peer.sendExtended(NOTIFY | TEXT, new byte[0]);
        } else if ((serverFlags & PROVIDE) != 0) {
            offered = bytes;
            peer.sendExtended(PROVIDE | TEXT, provideData(bytes));
        } else {
            peer.sendLegacy(text);
        }
    }

    /** A provide's zlib stream: the text's length and bytes, or nothing when {@code text} is null. */
    private static byte[] provideData(byte[] text) {
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        if (text != null) {
            plain.writeBytes(ByteBuffer.allocate(4).putInt(text.length).array());
            plain.writeBytes(text);
        }
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(plain.toByteArray());
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
