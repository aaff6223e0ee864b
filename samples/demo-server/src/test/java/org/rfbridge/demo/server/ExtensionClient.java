// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.rfbridge.demo.server.RfbTestClient.ReceivedRect;

/**
 * The extension messages for a {@link RfbTestClient}, as plainly: one method per client message, and a reader
 * of every server message the demo sends, so a test can wait for one kind while counting the others. Written
 * from the byte layouts in {@code protocol-tests/EXTENSIONS.md}, not from the server's code.
 */
final class ExtensionClient {

    static final int EXTENDED_CLIPBOARD = 0xC0A1E5CE;
    static final int CAPS = 0x0100_0000;
    static final int REQUEST = 0x0200_0000;
    static final int PEEK = 0x0400_0000;
    static final int NOTIFY = 0x0800_0000;
    static final int PROVIDE = 0x1000_0000;
    static final int TEXT = 1;

    /** A server message. */
    sealed interface Message permits Update, Fence, EndOfContinuousUpdates, CutText, Clipboard {
    }

    record Update(List<ReceivedRect> rects) implements Message {
    }

    record Fence(int flags, byte[] payload) implements Message {
    }

    record EndOfContinuousUpdates() implements Message {
    }

    /** Legacy ServerCutText, decoded as Latin-1. */
    record CutText(String text) implements Message {
    }

    /** Extended ServerCutText: its flags and the data after them. */
    record Clipboard(int flags, byte[] data) implements Message {
        /** A provide's text as sent: the stream's first u32 length and that many bytes, inflated. */
        byte[] providedText() throws Exception {
            Inflater inflater = new Inflater();
            inflater.setInput(data);
            byte[] all = new byte[1 << 20];
            int n = inflater.inflate(all);
            assertTrue(inflater.finished(), "the provide is one complete zlib stream");
            inflater.end();
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(all, 0, n));
            byte[] text = new byte[in.readInt()];
            in.readFully(text);
            return text;
        }
    }

    private final RfbTestClient client;
    private final boolean extendedClipboard;

    /** @param extendedClipboard whether negative cut-text lengths are extended messages (announced) */
    ExtensionClient(RfbTestClient client, boolean extendedClipboard) {
        this.client = client;
        this.extendedClipboard = extendedClipboard;
    }

    RfbTestClient client() {
        return client;
    }

    /** Reads the next server message, whatever it is. */
    Message next() throws IOException {
        DataInputStream in = client.in();
        int type = in.readUnsignedByte();
        switch (type) {
            case 0 -> {
                return new Update(client.readUpdateAfterType());
            }
            case 3 -> {
                in.readFully(new byte[3]);
                int length = in.readInt();
                if (length < 0 && extendedClipboard) {
                    byte[] body = client.readBytes(-length);
                    int flags = ((body[0] & 0xFF) << 24) | ((body[1] & 0xFF) << 16) | ((body[2] & 0xFF) << 8)
                            | (body[3] & 0xFF);
                    return new Clipboard(flags, java.util.Arrays.copyOfRange(body, 4, body.length));
                }
                assertTrue(length >= 0 && length < (1 << 20), "ServerCutText length " + length);
                return new CutText(new String(client.readBytes(length), StandardCharsets.ISO_8859_1));
            }
            case 150 -> {
                return new EndOfContinuousUpdates();
            }
            case 248 -> {
                in.readFully(new byte[3]);
                int flags = in.readInt();
                int length = in.readUnsignedByte();
                assertTrue(length <= 64, "fence payload " + length);
                return new Fence(flags, client.readBytes(length));
            }
            default -> throw new AssertionError("unexpected server message type " + type);
        }
    }

    /** Reads messages until one of {@code type}; those of other types are added to {@code skipped}. */
    <T extends Message> T await(Class<T> type, List<Message> skipped) throws IOException {
        while (true) {
            Message m = next();
            if (type.isInstance(m)) {
                return type.cast(m);
            }
            skipped.add(m);
        }
    }

    /** {@link #await(Class, List)}, answering every fence request on the way as a client must. */
    <T extends Message> T awaitAnswering(Class<T> type) throws IOException {
        while (true) {
            Message m = next();
            if (m instanceof Fence f && (f.flags() & 0x8000_0000) != 0 && type != Fence.class) {
                fence(f.flags() & 7, f.payload());
                continue;
            }
            if (type.isInstance(m)) {
                return type.cast(m);
            }
        }
    }

    void fence(int flags, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(248);
        data.write(new byte[3]);
        data.writeInt(flags);
        data.writeByte(payload.length);
        data.write(payload);
        client.send(bytes.toByteArray());
    }

    void enableContinuousUpdates(boolean enable, int x, int y, int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(150);
        data.writeByte(enable ? 1 : 0);
        data.writeShort(x);
        data.writeShort(y);
        data.writeShort(w);
        data.writeShort(h);
        client.send(bytes.toByteArray());
    }

    /** SetDesktopSize; each screen is {id, x, y, w, h, flags}. */
    void setDesktopSize(int width, int height, int[]... screens) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(251);
        data.writeByte(0);
        data.writeShort(width);
        data.writeShort(height);
        data.writeByte(screens.length);
        data.writeByte(0);
        for (int[] s : screens) {
            data.writeInt(s[0]);
            data.writeShort(s[1]);
            data.writeShort(s[2]);
            data.writeShort(s[3]);
            data.writeShort(s[4]);
            data.writeInt(s[5]);
        }
        client.send(bytes.toByteArray());
    }

    void qemuKey(boolean down, int keysym, int scancode) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(255);
        data.writeByte(0);
        data.writeShort(down ? 1 : 0);
        data.writeInt(keysym);
        data.writeInt(scancode);
        client.send(bytes.toByteArray());
    }

    /** An extended ClientCutText with these flags and data after them. */
    void clipboard(int flags, byte[] data) throws IOException {
        client.send(extendedCutText(flags, data));
    }

    static byte[] extendedCutText(int flags, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeByte(6);
            out.write(new byte[3]);
            out.writeInt(-(4 + data.length));
            out.writeInt(flags);
            out.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    /** Caps with text and {@code actions}, and {@code maxText} as text's size. */
    void caps(int actions, int maxText) throws IOException {
        clipboard(CAPS | actions | TEXT, new byte[] {
            (byte) (maxText >>> 24), (byte) (maxText >>> 16), (byte) (maxText >>> 8), (byte) maxText});
    }

    /** Provide of {@code text} in the wire form: UTF-8, CRLF, a NUL, behind its u32 length, deflated. */
    void provide(String text) throws IOException {
        clipboard(PROVIDE | TEXT, deflate(lengthPrefixed(
                (text.replace("\n", "\r\n") + "\0").getBytes(StandardCharsets.UTF_8))));
    }

    static byte[] lengthPrefixed(byte[] data) {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) (data.length >>> 24);
        out[1] = (byte) (data.length >>> 16);
        out[2] = (byte) (data.length >>> 8);
        out[3] = (byte) data.length;
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return out.toByteArray();
    }

    /** The u32 at {@code offset} of {@code bytes}. */
    static long u32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFFL) << 24) | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8) | (bytes[offset + 3] & 0xFFL);
    }

    static void assertFlags(int expected, int actual) {
        assertEquals(String.format("%08x", expected), String.format("%08x", actual), "flags");
    }

    /** Closes the clients a test opened, in a try-with-resources. */
    static final class Closer implements AutoCloseable {
        private final List<RfbTestClient> clients = new ArrayList<>();

        ExtensionClient add(ExtensionClient ext) {
            clients.add(ext.client());
            return ext;
        }

        RfbTestClient add(RfbTestClient client) {
            clients.add(client);
            return client;
        }

        @Override
        public void close() throws IOException {
            for (RfbTestClient client : clients) {
                client.close();
            }
        }
    }

    /** A list for {@link #await}'s skipped messages. */
    static List<Message> skipped() {
        return new ArrayList<>();
    }
}
