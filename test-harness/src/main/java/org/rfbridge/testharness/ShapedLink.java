// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP relay on loopback that behaves like a slow network link in front of a server: each direction carries at
 * most {@link #rateBitsPerSecond} and delivers every byte {@code oneWayDelay} after it was sent, through a bounded
 * queue like a router's (when it is full the relay stops reading, so the sender's TCP window closes: real
 * backpressure, not an unbounded buffer). Both can change while connections are open, so a test can make the
 * link slow and then fast again. Linux's netem would do the same but is not available here.
 *
 * <p>Each accepted connection gets four threads (a reader and a writer per direction); {@link #close()} ends them
 * all.
 */
public final class ShapedLink implements AutoCloseable {
    /** The most bytes a direction holds in flight beyond what the delay needs (a router's queue). */
    private static final int QUEUE_BYTES = 64 * 1024;
    private static final int CHUNK = 16 * 1024;
    /** Bytes are released in packets of this size, as a real link delivers them, not a read's worth at once. */
    private static final int PACKET = 1448;

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final List<Socket> sockets = new ArrayList<>();
    private volatile long rateBitsPerSecond;
    private volatile long oneWayDelayNanos;
    private volatile boolean closed;

    private ShapedLink(InetSocketAddress upstream, long rateBitsPerSecond, long oneWayDelayNanos) throws IOException {
        this.upstream = upstream;
        this.rateBitsPerSecond = rateBitsPerSecond;
        this.oneWayDelayNanos = oneWayDelayNanos;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::acceptLoop, "shaped-link-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a link to {@code port} on loopback.
     *
     * @param rateBitsPerSecond each direction's rate
     * @param roundTripMillis the delay added to a round trip (half each way)
     */
    public static ShapedLink start(int port, long rateBitsPerSecond, long roundTripMillis) throws IOException {
        return new ShapedLink(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), rateBitsPerSecond,
                TimeUnit.MILLISECONDS.toNanos(roundTripMillis) / 2);
    }

    /**
     * Runs a link until killed, for the benchmarks: {@code ShapedLink PORT MBITS ROUND_TRIP_MS} relays to PORT on
     * loopback and prints {@code listening on PORT} with its own port.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ShapedLink UPSTREAM_PORT MBITS_PER_SECOND ROUND_TRIP_MS");
            System.exit(2);
        }
        ShapedLink link = start(Integer.parseInt(args[0]), (long) (Double.parseDouble(args[1]) * 1e6),
                Long.parseLong(args[2]));
        System.out.println("listening on " + link.port());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** The port clients connect to, on 127.0.0.1. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Changes the rate of both directions, for connections open now and later. */
    public void setRate(long bitsPerSecond) {
        rateBitsPerSecond = bitsPerSecond;
    }

    /** Changes the added round trip. */
    public void setRoundTripMillis(long millis) {
        oneWayDelayNanos = TimeUnit.MILLISECONDS.toNanos(millis) / 2;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(upstream, 5000);
                for (Socket s : List.of(client, server)) {
                    s.setTcpNoDelay(true);
                }
                synchronized (sockets) {
                    sockets.add(client);
                    sockets.add(server);
                }
                pump(client, server, "up");
                pump(server, client, "down");
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("shaped link: " + e);
                }
            }
        }
    }

    /** One direction: a reader that queues timed chunks, a writer that releases each at its time. */
    private void pump(Socket from, Socket to, String direction) throws IOException {
        DelayLine line = new DelayLine();
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[CHUNK];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (int at = 0; at < n; at += PACKET) {
                        line.put(java.util.Arrays.copyOfRange(buffer, at, Math.min(n, at + PACKET)));
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the connection ended; the writer drains and closes
            }
            line.end();
        }, "shaped-link-" + direction + "-read");
        Thread writer = new Thread(() -> {
            try {
                byte[] chunk;
                java.io.ByteArrayOutputStream due = new java.io.ByteArrayOutputStream();
                while ((chunk = line.take()) != null) {
                    // Packets due together (a fast link) leave in one write.
                    due.reset();
                    due.write(chunk);
                    byte[] more;
                    while (due.size() < CHUNK && (more = line.takeIfDue()) != null) {
                        due.write(more);
                    }
                    due.writeTo(out);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "shaped-link-" + direction + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    /** Chunks with the time each may leave: after the delay, and no sooner than the rate allows. */
    private final class DelayLine {
        private record Timed(byte[] bytes, long releaseAt) {
        }

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final ArrayDeque<Timed> queue = new ArrayDeque<>();
        private long queuedBytes;
        private long linkFreeAt = System.nanoTime();
        private boolean ended;

        void put(byte[] bytes) throws InterruptedException {
            lock.lock();
            try {
                while (queuedBytes > QUEUE_BYTES + rateBitsPerSecond / 8 * oneWayDelayNanos / 1_000_000_000L) {
                    changed.await();
                }
                long now = System.nanoTime();
                long serialization = bytes.length * 8L * 1_000_000_000L / Math.max(1, rateBitsPerSecond);
                linkFreeAt = Math.max(linkFreeAt, now) + serialization;
                queue.add(new Timed(bytes, linkFreeAt + oneWayDelayNanos));
                queuedBytes += bytes.length;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void end() {
            lock.lock();
            try {
                ended = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** The next chunk if its time has come, else null. */
        byte[] takeIfDue() {
            lock.lock();
            try {
                Timed head = queue.peek();
                if (head == null || head.releaseAt() > System.nanoTime()) {
                    return null;
                }
                queue.poll();
                queuedBytes -= head.bytes().length;
                changed.signalAll();
                return head.bytes();
            } finally {
                lock.unlock();
            }
        }

        /** The next chunk once its time has come, or null after the end. */
        byte[] take() throws InterruptedException {
            lock.lock();
            try {
                while (true) {
                    Timed head = queue.peek();
                    if (head == null) {
                        if (ended) {
                            return null;
                        }
                        changed.await();
                        continue;
                    }
                    long wait = head.releaseAt() - System.nanoTime();
                    if (wait <= 0) {
                        queue.poll();
                        queuedBytes -= head.bytes().length;
                        changed.signalAll();
                        return head.bytes();
                    }
                    changed.awaitNanos(wait);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private static void closeQuietly(java.io.Closeable socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        synchronized (sockets) {
            sockets.forEach(ShapedLink::closeQuietly);
        }
    }
}
