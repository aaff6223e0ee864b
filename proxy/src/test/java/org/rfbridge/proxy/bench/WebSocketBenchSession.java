// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal, fast WebSocket client (RFC 6455) over a blocking {@code SocketChannel} with direct buffers, so
 * the load client spends as little CPU as possible and the relay under test gets the cores.
 *
 * <p>Upstream frames are masked as a browser's are, with a random non-zero key per session, so the relay
 * does the full unmasking work (a zero key is legal but would let a relay skip the XOR). The client masks a
 * frame of a given size once and then resends the same bytes: its own masking cost is paid once per size,
 * the relay's on every frame. Downstream payload is counted in place in the read buffer, never copied.
 */
final class WebSocketBenchSession implements BenchSession {

    private static final int OP_CONTINUATION = 0x0;
    private static final int OP_TEXT = 0x1;
    private static final int OP_BINARY = 0x2;
    private static final int OP_CLOSE = 0x8;
    private static final int OP_PING = 0x9;
    private static final int OP_PONG = 0xA;
    private static final int MAX_HANDSHAKE_BYTES = 16 << 10;

    private final SocketChannel channel;
    /** Unread bytes from the relay lie between position and limit (the buffer stays in read mode). */
    private final ByteBuffer in;
    private final byte[] maskKey = new byte[4];
    private final Map<Integer, ByteBuffer> framesBySize = new HashMap<>();
    private long frameLeft;

    private WebSocketBenchSession(SocketChannel channel, int readBuffer) {
        this.channel = channel;
        this.in = ByteBuffer.allocateDirect(readBuffer).flip();
        while (maskKey[0] == 0 && maskKey[1] == 0 && maskKey[2] == 0 && maskKey[3] == 0) {
            ThreadLocalRandom.current().nextBytes(maskKey);
        }
    }

    /**
     * Connects to {@code port} on loopback and upgrades {@code path} to a WebSocket without a subprotocol
     * and without an Origin header (as a non-browser client; noVNC's default offers no subprotocol either).
     * Throws if the answer is not 101.
     */
    static WebSocketBenchSession connect(SocketChannel channel, int port, String path, int readBuffer)
            throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        WebSocketBenchSession session = new WebSocketBenchSession(channel, readBuffer);
        session.handshake(port, path);
        return session;
    }

    private void handshake(int port, String path) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        writeFully(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
        int end;
        while ((end = headerEnd()) < 0) {
            if (in.remaining() >= MAX_HANDSHAKE_BYTES || in.remaining() == in.capacity()) {
                throw new IOException("handshake answer longer than " + in.remaining() + " bytes");
            }
            fill();
        }
        byte[] head = new byte[end];
        in.get(head);
        String answer = new String(head, StandardCharsets.ISO_8859_1);
        String statusLine = answer.substring(0, Math.max(0, answer.indexOf("\r\n")));
        if (!statusLine.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + statusLine);
        }
    }

    /** Index just past the blank line ending the HTTP head within the unread bytes, or -1. */
    private int headerEnd() {
        int start = in.position();
        for (int i = start; i + 3 < in.limit(); i++) {
            if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                return i + 4 - start;
            }
        }
        return -1;
    }

    @Override
    public void command(BenchCommand command, long count) throws IOException {
        byte[] header = command.header(count);
        writeFully(frame(header, header.length));
    }

    @Override
    public void send(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            int size = (int) Math.min(TcpBenchSession.CHUNK, left);
            writeFully(framesBySize.computeIfAbsent(size, n -> frame(BenchCommand.PATTERN, n)).duplicate());
            left -= size;
        }
    }

    /** A masked final binary frame carrying the first {@code length} bytes of {@code payload}. */
    private ByteBuffer frame(byte[] payload, int length) {
        ByteBuffer frame = ByteBuffer.allocateDirect(length + 14);
        frame.put((byte) (0x80 | OP_BINARY));
        if (length < 126) {
            frame.put((byte) (0x80 | length));
        } else if (length < 65536) {
            frame.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            frame.put((byte) (0x80 | 127)).putLong(length);
        }
        frame.put(maskKey);
        for (int i = 0; i < length; i++) {
            frame.put((byte) (payload[i] ^ maskKey[i & 3]));
        }
        return frame.flip();
    }

    @Override
    public void receive(long bytes, byte[] copy) throws IOException {
        int copied = 0;
        long left = bytes;
        while (left > 0) {
            if (frameLeft == 0) {
                readFrameHeader();
                continue;
            }
            if (!in.hasRemaining()) {
                fill();
            }
            int take = (int) Math.min(Math.min(in.remaining(), frameLeft), left);
            if (copy != null && copied < copy.length) {
                int n = Math.min(take, copy.length - copied);
                in.duplicate().get(copy, copied, n);
                copied += n;
            }
            in.position(in.position() + take);
            frameLeft -= take;
            left -= take;
        }
    }

    /** Reads the next frame header; data frames set {@link #frameLeft}, control frames are handled here. */
    private void readFrameHeader() throws IOException {
        need(2);
        int first = in.get(in.position()) & 0xFF;
        int second = in.get(in.position() + 1) & 0xFF;
        int lengthBytes = switch (second & 0x7F) {
            case 126 -> 2;
            case 127 -> 8;
            default -> 0;
        };
        boolean masked = (second & 0x80) != 0;
        need(2 + lengthBytes + (masked ? 4 : 0));
        in.position(in.position() + 2);
        long length = lengthBytes == 0 ? second & 0x7F : lengthBytes == 2 ? in.getShort() & 0xFFFF : in.getLong();
        if (masked) {
            throw new IOException("the relay masked a frame, which a server must not do");
        }
        if (length < 0) {
            throw new IOException("frame length out of range");
        }
        int opcode = first & 0x0F;
        switch (opcode) {
            case OP_BINARY, OP_CONTINUATION -> frameLeft = length;
            case OP_PING, OP_PONG -> {
                byte[] payload = controlPayload(length);
                if (opcode == OP_PING) {
                    ByteBuffer pong = frame(payload, payload.length);
                    pong.put(0, (byte) (0x80 | OP_PONG));
                    writeFully(pong);
                }
            }
            case OP_CLOSE -> {
                byte[] payload = controlPayload(length);
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
                String reason = payload.length > 2
                        ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                throw new IOException("relay closed the session: " + code + " " + reason);
            }
            case OP_TEXT -> throw new IOException("relay sent a text frame");
            default -> throw new IOException("relay sent unknown opcode " + opcode);
        }
    }

    private byte[] controlPayload(long length) throws IOException {
        if (length > 125) {
            throw new IOException("control frame of " + length + " bytes");
        }
        need((int) length);
        byte[] payload = new byte[(int) length];
        in.get(payload);
        return payload;
    }

    /** Makes at least {@code count} unread bytes available. */
    private void need(int count) throws IOException {
        while (in.remaining() < count) {
            fill();
        }
    }

    private void fill() throws IOException {
        in.compact();
        int read = channel.read(in);
        in.flip();
        if (read < 0) {
            throw new EOFException("connection closed by the relay");
        }
    }

    private void writeFully(ByteBuffer out) throws IOException {
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
