// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A deliberately low-level WebSocket client over a plain socket, for what a polite client library will not
 * do: stop reading the socket, send text or oversized frames, send one-byte frames, ignore pings, and
 * show the raw handshake answer. Frames it sends are masked, as a browser's are.
 */
public final class RawWebSocket implements AutoCloseable {

    public static final int CONTINUATION = 0x0;
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    public static final int PONG = 0xA;

    /** One frame as received. */
    public record Frame(int opcode, boolean fin, byte[] payload) {
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
        }

        public String closeReason() {
            return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
        }
    }

    /** The server's answer to the upgrade request. */
    public record Handshake(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Handshake handshake;
    private final ByteArrayOutputStream unread = new ByteArrayOutputStream();

    private RawWebSocket(Socket socket, Handshake handshake, InputStream in) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(in);
        this.out = socket.getOutputStream();
        this.handshake = handshake;
    }

    /** Connects and sends an upgrade request for {@code pathAndQuery} with the extra {@code headers}. */
    public static RawWebSocket connect(int port, String pathAndQuery, Map<String, String> headers)
            throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        StringBuilder request = new StringBuilder()
                .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(nonce)).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("\r\n");
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        return new RawWebSocket(socket, readHandshake(in), in);
    }

    public static RawWebSocket connect(int port, String pathAndQuery) throws IOException {
        return connect(port, pathAndQuery, Map.of());
    }

    private static Handshake readHandshake(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake: " + head);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String body = "";
        if (status != 101 && headers.containsKey("content-length")) {
            byte[] bytes = new DataInputStream(in).readNBytes(Integer.parseInt(headers.get("content-length")));
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        return new Handshake(status, headers, body);
    }

    public Handshake handshake() {
        return handshake;
    }

    public boolean upgraded() {
        return handshake.status() == 101;
    }

    public void send(int opcode, boolean fin, byte[] payload) throws IOException {
        out.write(encode(opcode, fin, payload));
        out.flush();
    }

    public void sendBinary(byte[] payload) throws IOException {
        send(BINARY, true, payload);
    }

    /** Encodes one masked frame, so callers can batch many into one write. */
    public static byte[] encode(int opcode, boolean fin, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        int length = payload.length;
        if (length < 126) {
            frame.write(0x80 | length);
        } else if (length < 65536) {
            frame.write(0x80 | 126);
            frame.write(length >>> 8);
            frame.write(length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) length >>> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        byte[] masked = new byte[length];
        for (int i = 0; i < length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        frame.writeBytes(masked);
        return frame.toByteArray();
    }

    public void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads the next frame (control frames included); throws on timeout or end of stream. */
    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        if ((second & 0x80) != 0) {
            throw new IOException("a server must not mask its frames");
        }
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length > (64 << 20)) {
            throw new IOException("frame of " + length + " bytes is beyond what this test client takes");
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0F, (first & 0x80) != 0, payload);
    }

    /** Reads frames until a close frame arrives, gathering binary payload bytes on the way. */
    public Frame readUntilClose(ByteArrayOutputStream data) throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == CLOSE) {
                return frame;
            }
            if (data != null && (frame.opcode() == BINARY || frame.opcode() == CONTINUATION)) {
                data.writeBytes(frame.payload());
            }
        }
    }

    /**
     * Reads exactly {@code count} bytes of the binary stream, whatever the frame boundaries: bytes of a frame
     * beyond {@code count} are kept for the next call. Fails on a close frame.
     */
    public byte[] readBinary(int count) throws IOException {
        while (unread.size() < count) {
            Frame frame = readFrame();
            if (frame.opcode() == CLOSE) {
                throw new IOException("closed with " + frame.closeCode() + " " + frame.closeReason()
                        + " after " + unread.size() + " of " + count + " bytes");
            }
            if (frame.opcode() == BINARY || frame.opcode() == CONTINUATION) {
                unread.writeBytes(frame.payload());
            }
        }
        byte[] all = unread.toByteArray();
        unread.reset();
        unread.write(all, count, all.length - count);
        return java.util.Arrays.copyOf(all, count);
    }

    public InputStream input() {
        return in;
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
