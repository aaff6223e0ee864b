// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.security.SecurityTypes;

/**
 * A deliberately plain RFB client for tests: raw socket, one method per message, nothing clever. It keeps
 * its own copy of the framebuffer (0xRRGGBB) by applying Raw and CopyRect rectangles, decoding pixels with
 * whatever pixel format it last asked for.
 *
 * <p>VNC Authentication here uses the JDK's DES, so it checks the server's own DES independently.
 */
final class RfbTestClient implements AutoCloseable {

    /** One rectangle of a received FramebufferUpdate. */
    record ReceivedRect(int x, int y, int width, int height, int encoding, int sourceX, int sourceY) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private PixelFormat format = ServedPixelFormats.SERVER_NATIVE;
    private int width;
    private int height;
    private String name;
    private int[] framebuffer;
    private boolean oneByteAtATime;
    private final java.util.Map<Integer, byte[]> pseudoBodies = new java.util.HashMap<>();
    private final CountingInputStream received;

    private RfbTestClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        this.received = new CountingInputStream(socket.getInputStream());
        this.in = new DataInputStream(new BufferedInputStream(received));
        this.out = new DataOutputStream(socket.getOutputStream());
    }

    static RfbTestClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5000);
        return new RfbTestClient(socket);
    }

    /** Bytes taken from the socket so far (read ahead of parsing by the buffer). */
    long bytesReceived() {
        return received.count();
    }

    DataInputStream in() {
        return in;
    }

    DataOutputStream out() {
        return out;
    }

    byte[] readBytes(int count) throws IOException {
        byte[] bytes = new byte[count];
        in.readFully(bytes);
        return bytes;
    }

    String readBanner() throws IOException {
        return new String(readBytes(RfbVersion.BANNER_LENGTH), StandardCharsets.US_ASCII);
    }

    /** From now on, send every message one byte per TCP write, to test a server's reassembly. */
    void sendOneByteAtATime() {
        oneByteAtATime = true;
    }

    void send(byte[] bytes) throws IOException {
        if (!oneByteAtATime) {
            out.write(bytes);
            out.flush();
            return;
        }
        for (byte b : bytes) {
            out.write(b);
            out.flush();
        }
    }

    void sendVersion(String version) throws IOException {
        send(("RFB " + version + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The whole handshake for a client answering {@code answer} (e.g. "003.008"), expecting security type
     * None when {@code password} is null and VNC Authentication otherwise, and success.
     */
    void handshake(String answer, byte[] password) throws IOException {
        readBanner();
        sendVersion(answer);
        RfbVersion version;
        try {
            version = RfbVersion.fromClientBanner(("RFB " + answer + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (ClientProtocolException e) {
            throw new AssertionError(e);
        }
        int expectedType = password == null ? SecurityTypes.NONE : SecurityTypes.VNC_AUTH;
        if (version == RfbVersion.V3_3) {
            assertEquals(expectedType, in.readInt(), "security type chosen by a 3.3 server");
        } else {
            assertArrayEquals(new byte[] {1, (byte) expectedType}, readBytes(2), "security types offered");
            send(new byte[] {(byte) expectedType});
        }
        if (password != null) {
            send(vncResponse(password, readBytes(16)));
            assertEquals(SecurityResult.OK, in.readInt(), "SecurityResult");
        } else if (version == RfbVersion.V3_8) {
            assertEquals(SecurityResult.OK, in.readInt(), "SecurityResult for None in 3.8");
        }
        send(new byte[] {1});
        readServerInit();
    }

    /** Reads ServerInit and returns its exact bytes. */
    byte[] readServerInit() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] fixed = readBytes(24);
        raw.write(fixed);
        width = ((fixed[0] & 0xFF) << 8) | (fixed[1] & 0xFF);
        height = ((fixed[2] & 0xFF) << 8) | (fixed[3] & 0xFF);
        int nameLength = ((fixed[20] & 0xFF) << 24) | ((fixed[21] & 0xFF) << 16) | ((fixed[22] & 0xFF) << 8)
                | (fixed[23] & 0xFF);
        assertTrue(nameLength >= 0 && nameLength < 1000, "name length " + nameLength);
        byte[] nameBytes = readBytes(nameLength);
        raw.write(nameBytes);
        name = new String(nameBytes, StandardCharsets.UTF_8);
        framebuffer = new int[width * height];
        Arrays.fill(framebuffer, 0xDEAD01);
        return raw.toByteArray();
    }

    static byte[] vncResponse(byte[] password, byte[] challenge) {
        byte[] key = Arrays.copyOf(password, 8);
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (Integer.reverse(key[i] & 0xFF) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError("the JDK's DES is not available", e);
        }
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    String name() {
        return name;
    }

    int[] framebuffer() {
        return framebuffer;
    }

    int pixel(int x, int y) {
        return framebuffer[y * width + x];
    }

    void setPixelFormat(PixelFormat newFormat) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(0);
        data.write(new byte[3]);
        ServedPixelFormats.write(newFormat, data);
        send(bytes.toByteArray());
        format = newFormat;
    }

    void setEncodings(int... encodings) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(2);
        data.writeByte(0);
        data.writeShort(encodings.length);
        for (int e : encodings) {
            data.writeInt(e);
        }
        send(bytes.toByteArray());
    }

    void requestUpdate(boolean incremental, int x, int y, int w, int h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(3);
        data.writeByte(incremental ? 1 : 0);
        data.writeShort(x);
        data.writeShort(y);
        data.writeShort(w);
        data.writeShort(h);
        send(bytes.toByteArray());
    }

    void requestFullUpdate(boolean incremental) throws IOException {
        requestUpdate(incremental, 0, 0, width, height);
    }

    void key(boolean down, int keysym) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(4);
        data.writeByte(down ? 1 : 0);
        data.writeShort(0);
        data.writeInt(keysym);
        send(bytes.toByteArray());
    }

    void type(int keysym) throws IOException {
        key(true, keysym);
        key(false, keysym);
    }

    void pointer(int mask, int x, int y) throws IOException {
        send(new byte[] {5, (byte) mask, (byte) (x >>> 8), (byte) x, (byte) (y >>> 8), (byte) y});
    }

    void cutText(byte[] text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeByte(6);
        data.write(new byte[3]);
        data.writeInt(text.length);
        data.write(text);
        send(bytes.toByteArray());
    }

    /** Reads one FramebufferUpdate, applies it to the local framebuffer and returns its rectangles. */
    List<ReceivedRect> readUpdate() throws IOException {
        int type = in.readUnsignedByte();
        assertEquals(0, type, "server message type (FramebufferUpdate)");
        return readUpdateAfterType();
    }

    /**
     * The body of the last pseudo rectangle of {@code encoding} received (ExtendedDesktopSize, LED state,
     * DesktopName; empty for QEMU's key events), or null if none came.
     */
    byte[] pseudoBody(int encoding) {
        return pseudoBodies.get(encoding);
    }

    /** {@link #readUpdate()} once its type byte was read. */
    List<ReceivedRect> readUpdateAfterType() throws IOException {
        in.readUnsignedByte();
        int count = in.readUnsignedShort();
        List<ReceivedRect> rects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int x = in.readUnsignedShort();
            int y = in.readUnsignedShort();
            int w = in.readUnsignedShort();
            int h = in.readUnsignedShort();
            int encoding = in.readInt();
            if (encoding == Encodings.DESKTOP_SIZE) {
                width = w;
                height = h;
                framebuffer = new int[w * h];
                rects.add(new ReceivedRect(x, y, w, h, encoding, -1, -1));
                continue;
            }
            if (readPseudoBody(encoding)) {
                // ExtendedDesktopSize: x is the reason, y the status; a done one of another size resizes.
                if (encoding == Encodings.EXTENDED_DESKTOP_SIZE && y == 0 && (w != width || h != height)) {
                    width = w;
                    height = h;
                    framebuffer = new int[w * h];
                }
                rects.add(new ReceivedRect(x, y, w, h, encoding, -1, -1));
                continue;
            }
            assertTrue(x + w <= width && y + h <= height, "rectangle inside the framebuffer");
            if (encoding == Encodings.RAW) {
                for (int row = y; row < y + h; row++) {
                    for (int col = x; col < x + w; col++) {
                        framebuffer[row * width + col] = readPixel();
                    }
                }
                rects.add(new ReceivedRect(x, y, w, h, encoding, -1, -1));
            } else if (encoding == Encodings.COPY_RECT) {
                int sx = in.readUnsignedShort();
                int sy = in.readUnsignedShort();
                assertTrue(sx + w <= width && sy + h <= height, "CopyRect source inside the framebuffer");
                int[] copy = new int[w * h];
                for (int row = 0; row < h; row++) {
                    System.arraycopy(framebuffer, (sy + row) * width + sx, copy, row * w, w);
                }
                for (int row = 0; row < h; row++) {
                    System.arraycopy(copy, row * w, framebuffer, (y + row) * width + x, w);
                }
                rects.add(new ReceivedRect(x, y, w, h, encoding, sx, sy));
            } else {
                throw new AssertionError("unexpected encoding " + encoding);
            }
        }
        return rects;
    }

    private boolean readPseudoBody(int encoding) throws IOException {
        byte[] body;
        if (encoding == Encodings.EXTENDED_DESKTOP_SIZE) {
            byte[] head = readBytes(4);
            byte[] screens = readBytes(16 * (head[0] & 0xFF));
            body = new byte[4 + screens.length];
            System.arraycopy(head, 0, body, 0, 4);
            System.arraycopy(screens, 0, body, 4, screens.length);
        } else if (encoding == Encodings.QEMU_EXTENDED_KEY_EVENT) {
            body = new byte[0];
        } else if (encoding == Encodings.QEMU_LED_STATE) {
            body = readBytes(1);
        } else if (encoding == Encodings.DESKTOP_NAME) {
            int length = in.readInt();
            assertTrue(length >= 0 && length < 10_000, "desktop name length " + length);
            body = readBytes(length);
        } else {
            return false;
        }
        pseudoBodies.put(encoding, body);
        return true;
    }

    private int readPixel() throws IOException {
        int bytes = format.bytesPerPixel();
        long value = 0;
        byte[] raw = readBytes(bytes);
        for (int i = 0; i < bytes; i++) {
            int b = raw[format.bigEndian() ? i : bytes - 1 - i] & 0xFF;
            value = (value << 8) | b;
        }
        int r = expand((int) (value >>> format.redShift()) & format.redMax(), format.redMax());
        int g = expand((int) (value >>> format.greenShift()) & format.greenMax(), format.greenMax());
        int b = expand((int) (value >>> format.blueShift()) & format.blueMax(), format.blueMax());
        return (r << 16) | (g << 8) | b;
    }

    private static int expand(int value, int max) {
        return (value * 255 + max / 2) / max;
    }

    /** True when no byte arrives within {@code millis}; the connection stays usable. */
    boolean silentFor(int millis) throws IOException {
        int previous = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        in.mark(1);
        try {
            in.readUnsignedByte();
            in.reset();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(previous);
        }
    }

    /**
     * Reads and discards until the server closes the connection.
     *
     * @return true when it closed within {@code millis}
     */
    boolean closedWithin(int millis) throws IOException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        byte[] sink = new byte[8192];
        while (System.nanoTime() < deadline) {
            int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
            socket.setSoTimeout(left);
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (EOFException | SocketException e) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
