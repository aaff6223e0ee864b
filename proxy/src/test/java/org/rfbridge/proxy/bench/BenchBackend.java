// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The stand-in VNC server every relay under test connects to: a source, a sink, an echo and a holder of
 * idle connections, chosen per connection by its {@link BenchCommand} header. Runs as a process of its own
 * so the load client's allocation and GC do not slow it down, just as a real VNC server is a separate
 * process; prints {@code BENCH-BACKEND-PORT <port>} when ready and exits when its standard input closes
 * (so it cannot outlive the load client that started it).
 *
 * <p>Threads: one accepts; one selector thread reads every header and serves all idle connections (thousands
 * of them, no thread each); each streaming connection (at most a few dozen at a time) gets a thread of its
 * own doing blocking I/O with direct buffers, which is the cheapest way to move bulk bytes in Java.
 */
public final class BenchBackend {

    private static final int STREAM_BUFFER = 256 << 10;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final Queue<SocketChannel> accepted = new ConcurrentLinkedQueue<>();
    private final ByteBuffer source;

    private BenchBackend() throws IOException {
        server = ServerSocketChannel.open();
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        selector = Selector.open();
        source = ByteBuffer.allocateDirect(STREAM_BUFFER).put(BenchCommand.PATTERN).flip();
    }

    public static void main(String[] args) throws IOException {
        BenchBackend backend = new BenchBackend();
        start("bench-backend-accept", backend::acceptLoop);
        start("bench-backend-select", backend::selectLoop);
        System.out.println("BENCH-BACKEND-PORT " + ((InetSocketAddress) backend.server.getLocalAddress()).getPort());
        System.out.flush();
        InputStream stdin = System.in;
        while (stdin.read(new byte[64]) >= 0) {
            // Only the end of the stream matters: the parent is gone or wants us gone.
        }
        System.exit(0);
    }

    private static void start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void acceptLoop() {
        while (true) {
            try {
                SocketChannel channel = server.accept();
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.configureBlocking(false);
                accepted.add(channel);
                selector.wakeup();
            } catch (IOException e) {
                // Out of file descriptors shows up here; the client sees its connection refused or stuck
                // and reports it. Back off so the loop does not spin on a persistent error.
                System.err.println("bench backend: accept failed: " + e.getMessage());
                sleep(10);
            }
        }
    }

    /** Per-connection state while the selector owns it. */
    private static final class Pending {
        final ByteBuffer header = ByteBuffer.allocate(BenchCommand.HEADER_BYTES);
        boolean idle;
    }

    private void selectLoop() {
        ByteBuffer scratch = ByteBuffer.allocateDirect(4096);
        while (true) {
            try {
                selector.select(1000);
                SocketChannel fresh;
                while ((fresh = accepted.poll()) != null) {
                    fresh.register(selector, SelectionKey.OP_READ, new Pending());
                }
                List<Handoff> handoffs = new ArrayList<>();
                for (SelectionKey key : selector.selectedKeys()) {
                    Handoff handoff = serve(key, scratch);
                    if (handoff != null) {
                        handoffs.add(handoff);
                    }
                }
                selector.selectedKeys().clear();
                if (!handoffs.isEmpty()) {
                    // A channel leaves the selector (and may turn blocking) only once its cancelled key is
                    // flushed, which selectNow does; it must not run while the selected keys are iterated.
                    selector.selectNow();
                    selector.selectedKeys().clear();
                    handoffs.forEach(this::startStreaming);
                }
            } catch (IOException e) {
                System.err.println("bench backend: selector failed: " + e.getMessage());
                sleep(10);
            }
        }
    }

    /** A streaming connection leaving the selector for a thread of its own. */
    private record Handoff(SocketChannel channel, BenchCommand command, long count) {
    }

    /** Serves one ready key; returns the connection when it asked to stream, else null. */
    private Handoff serve(SelectionKey key, ByteBuffer scratch) {
        SocketChannel channel = (SocketChannel) key.channel();
        Pending pending = (Pending) key.attachment();
        try {
            if (pending.idle) {
                scratch.clear();
                int read = channel.read(scratch);
                if (read < 0) {
                    close(key);
                    return null;
                }
                scratch.flip();
                channel.write(scratch);
                if (scratch.hasRemaining()) {
                    // Liveness bytes are single bytes; a full send buffer means the client stopped reading.
                    close(key);
                }
                return null;
            }
            if (channel.read(pending.header) < 0) {
                close(key);
                return null;
            }
            if (pending.header.hasRemaining()) {
                return null;
            }
            BenchCommand command = BenchCommand.parse(pending.header);
            long count = BenchCommand.count(pending.header);
            if (command == BenchCommand.IDLE) {
                pending.idle = true;
                channel.write(ByteBuffer.wrap(new byte[] {BenchCommand.ACK}));
                return null;
            }
            key.cancel();
            return new Handoff(channel, command, count);
        } catch (IOException e) {
            close(key);
            return null;
        }
    }

    private void startStreaming(Handoff handoff) {
        try {
            handoff.channel().configureBlocking(true);
            start("bench-backend-stream", () -> stream(handoff.channel(), handoff.command(), handoff.count()));
        } catch (IOException e) {
            try {
                handoff.channel().close();
            } catch (IOException closing) {
                // Already gone.
            }
        }
    }

    private void stream(SocketChannel channel, BenchCommand command, long count) {
        try (channel) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(STREAM_BUFFER);
            switch (command) {
                case DOWNSTREAM -> {
                    ByteBuffer out = source.duplicate();
                    for (long left = count; left > 0; ) {
                        out.clear().limit((int) Math.min(out.capacity(), left));
                        while (out.hasRemaining()) {
                            left -= channel.write(out);
                        }
                    }
                }
                case UPSTREAM -> {
                    for (long left = count; left > 0; ) {
                        buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                        int read = channel.read(buffer);
                        if (read < 0) {
                            return;
                        }
                        left -= read;
                    }
                    channel.write(ByteBuffer.wrap(new byte[] {BenchCommand.ACK}));
                }
                case ECHO -> {
                    while (true) {
                        buffer.clear();
                        if (channel.read(buffer) < 0) {
                            return;
                        }
                        buffer.flip();
                        while (buffer.hasRemaining()) {
                            channel.write(buffer);
                        }
                    }
                }
                default -> throw new IllegalStateException("not a streaming command: " + command);
            }
            // Hold the connection until the client closes, so a relay never sees the server leave first.
            buffer.clear();
            while (channel.read(buffer) >= 0) {
                buffer.clear();
            }
        } catch (IOException e) {
            // The client closing mid-stream (a watchdog, an aborted run) is not the backend's business.
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // Already gone.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
