// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Payload bytes as they are, for direct connections to the backend and for the plain TCP relay. */
final class TcpBenchSession implements BenchSession {

    /** Upstream chunk size; the WebSocket client sends frames of the same payload size. */
    static final int CHUNK = 64 << 10;

    private static final ByteBuffer SOURCE = ByteBuffer.allocateDirect(CHUNK)
            .put(BenchCommand.PATTERN, 0, CHUNK).flip();

    private final SocketChannel channel;
    private final ByteBuffer in;

    private TcpBenchSession(SocketChannel channel, int readBuffer) {
        this.channel = channel;
        this.in = ByteBuffer.allocateDirect(readBuffer);
    }

    /** Connects to {@code port} on loopback; the watchdog closes the channel if that takes too long. */
    static TcpBenchSession connect(SocketChannel channel, int port, int readBuffer) throws IOException {
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return new TcpBenchSession(channel, readBuffer);
    }

    @Override
    public void command(BenchCommand command, long count) throws IOException {
        writeFully(ByteBuffer.wrap(command.header(count)));
    }

    @Override
    public void send(long bytes) throws IOException {
        ByteBuffer out = SOURCE.duplicate();
        for (long left = bytes; left > 0; left -= out.limit()) {
            out.clear().limit((int) Math.min(CHUNK, left));
            writeFully(out);
        }
    }

    private void writeFully(ByteBuffer out) throws IOException {
        while (out.hasRemaining()) {
            channel.write(out);
        }
    }

    @Override
    public void receive(long bytes, byte[] copy) throws IOException {
        int copied = 0;
        for (long left = bytes; left > 0; ) {
            in.clear().limit((int) Math.min(in.capacity(), left));
            int read = channel.read(in);
            if (read < 0) {
                throw new EOFException("connection closed after " + (bytes - left) + " of " + bytes + " bytes");
            }
            if (copy != null && copied < copy.length) {
                int n = Math.min(read, copy.length - copied);
                in.flip().get(copy, copied, n);
                copied += n;
            }
            left -= read;
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
