// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.proxy.support.JdkWebSocketClient;
import org.rfbridge.proxy.support.Payloads;
import org.rfbridge.proxy.support.RawWebSocket;
import org.rfbridge.proxy.support.RawWebSocket.Frame;
import org.rfbridge.proxy.support.TestBackend;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.proxy.target.TokenFileResolver;

/** The proxy on loopback between a test backend and real WebSocket clients. */
@Timeout(120)
class ProxyRelayIT {

    private static final int MIB = 1 << 20;

    @TempDir
    Path tempDir;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private TestBackend backend(TestBackend.Behaviour behaviour) throws IOException {
        TestBackend backend = TestBackend.start(behaviour);
        toClose.add(backend);
        return backend;
    }

    private ProxyServer proxy(String target, Consumer<ProxyConfig.Builder> tweaks) throws IOException {
        ProxyConfig.Builder builder = ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse(target)))
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .maxConnectionsPerSecond(1_000_000);
        tweaks.accept(builder);
        ProxyServer server = ProxyServer.start(builder.build());
        toClose.add(server);
        return server;
    }

    private ProxyServer proxy(TestBackend backend) throws IOException {
        return proxy(backend.hostAndPort(), builder -> { });
    }

    private static URI wsUri(ProxyServer proxy) {
        return URI.create("ws://127.0.0.1:" + proxy.localAddress().getPort() + "/websockify");
    }

    private static int port(ProxyServer proxy) {
        return proxy.localAddress().getPort();
    }

    private static long usedMemory() {
        ByteBufAllocatorMetric metric = ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric();
        return metric.usedDirectMemory() + metric.usedHeapMemory();
    }

    private static void awaitTrue(String what, Duration limit, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aClientTricklingItsRequestIsCutOffAtTheHandshakeTimeout() throws Exception {
        ProxyServer proxy = proxy("127.0.0.1:1", builder -> builder.handshakeTimeout(Duration.ofSeconds(2)));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port(proxy))) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            byte[] request = "GET /websockify HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: aaaaaaaaaaaaaaa"
                    .getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            boolean cut = false;
            // A byte every 500 ms never leaves the connection idle for the 2 s of an idle timeout.
            for (int i = 0; i < request.length && !cut; i++) {
                try {
                    out.write(request[i]);
                    out.flush();
                } catch (IOException e) {
                    cut = true;
                    break;
                }
                Thread.sleep(500);
                cut = System.nanoTime() - start > 6_000_000_000L;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int read;
            try {
                read = socket.getInputStream().read();
            } catch (java.net.SocketException reset) {
                read = -1;
            }
            assertEquals(-1, read, "the proxy closed the connection");
            assertTrue(seconds < 4.5, "cut off after " + seconds + " s, not at the 2 s deadline");
        }
    }

    @Test
    void sixtyFourMebibytesEachWayArriveByteExact() throws Exception {
        long total = 64L * MIB;
        CompletableFuture<byte[]> upstreamDigest = new CompletableFuture<>();
        TestBackend backend = backend(socket -> {
            Thread writer = new Thread(() -> {
                try {
                    Payloads.write(socket.getOutputStream(), 2, total, 61_000);
                } catch (IOException e) {
                    upstreamDigest.completeExceptionally(e);
                }
            });
            writer.start();
            upstreamDigest.complete(Payloads.readDigest(socket.getInputStream(), total));
            writer.join();
        });
        ProxyServer proxy = proxy(backend);
        JdkWebSocketClient client = JdkWebSocketClient.connect(wsUri(proxy), total);

        java.security.MessageDigest sentDigest = RawWebSocket.sha256();
        forEachFrame(total, frame -> {
            sentDigest.update(frame);
            client.webSocket().sendBinary(ByteBuffer.wrap(frame), true).get(30, TimeUnit.SECONDS);
        });
        client.allReceived().get(60, TimeUnit.SECONDS);
        assertEquals(total, client.receivedBytes());
        assertArrayEquals(Payloads.digestOf(2, total, 61_000), client.receivedDigest(), "downstream bytes");
        assertArrayEquals(sentDigest.digest(), upstreamDigest.get(60, TimeUnit.SECONDS), "upstream bytes");
    }

    private interface FrameSink {
        void accept(byte[] frame) throws Exception;
    }

    /** Random bytes in frames of random sizes, 1 byte to 256 KiB, so frame edges fall everywhere. */
    private static void forEachFrame(long total, FrameSink sink) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        long sent = 0;
        while (sent < total) {
            int length = (int) Math.min(total - sent, 1 + random.nextInt(256 << 10));
            byte[] frame = new byte[length];
            Payloads.fill(random, frame, length);
            sink.accept(frame);
            sent += length;
        }
    }

    @Test
    void oneByteFramesAndFragmentsArriveInOrder() throws Exception {
        int count = 20_000;
        CompletableFuture<byte[]> received = new CompletableFuture<>();
        TestBackend backend = backend(socket -> received.complete(socket.getInputStream().readNBytes(count + 6)));
        ProxyServer proxy = proxy(backend);
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            assertTrue(client.upgraded());
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            byte[] expected = new byte[count + 6];
            for (int i = 0; i < count; i++) {
                expected[i] = (byte) (i * 31);
                batch.writeBytes(RawWebSocket.encode(RawWebSocket.BINARY, true, new byte[] {expected[i]}));
            }
            // A fragmented message: binary, then continuations, one byte each.
            for (int i = 0; i < 6; i++) {
                expected[count + i] = (byte) ('a' + i);
                int opcode = i == 0 ? RawWebSocket.BINARY : RawWebSocket.CONTINUATION;
                batch.writeBytes(RawWebSocket.encode(opcode, i == 5, new byte[] {expected[count + i]}));
            }
            client.writeRaw(batch.toByteArray());
            assertArrayEquals(expected, received.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void oneMebibyteFramesArriveByteExactBothWays() throws Exception {
        int frames = 16;
        CompletableFuture<byte[]> upstream = new CompletableFuture<>();
        TestBackend backend = backend(socket -> {
            Payloads.write(socket.getOutputStream(), 5, (long) frames * MIB, MIB);
            upstream.complete(Payloads.readDigest(socket.getInputStream(), (long) frames * MIB));
        });
        ProxyServer proxy = proxy(backend);
        JdkWebSocketClient client = JdkWebSocketClient.connect(wsUri(proxy), (long) frames * MIB);
        SplittableRandom content = new SplittableRandom(6);
        byte[] frame = new byte[MIB];
        for (int i = 0; i < frames; i++) {
            Payloads.fill(content, frame, MIB);
            client.webSocket().sendBinary(ByteBuffer.wrap(frame.clone()), true).get(30, TimeUnit.SECONDS);
        }
        client.allReceived().get(30, TimeUnit.SECONDS);
        assertArrayEquals(Payloads.digestOf(5, (long) frames * MIB, MIB), client.receivedDigest());
        assertArrayEquals(Payloads.digestOf(6, (long) frames * MIB, MIB), upstream.get(30, TimeUnit.SECONDS));
    }

    @Test
    void theServerClosingClosesTheBrowserWith1000AfterTheLastBytes() throws Exception {
        TestBackend backend = backend(socket -> socket.getOutputStream().write("RFB 003.008\n".getBytes()));
        ProxyServer proxy = proxy(backend);
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            Frame close = client.readUntilClose(data);
            assertEquals("RFB 003.008\n", data.toString(StandardCharsets.US_ASCII));
            assertEquals(1000, close.closeCode());
            assertEquals("VNC server closed the connection", close.closeReason());
        }
    }

    @Test
    void theBrowserClosingClosesTheServerConnection() throws Exception {
        CompletableFuture<Integer> endOfStream = new CompletableFuture<>();
        TestBackend backend = backend(socket -> endOfStream.complete(socket.getInputStream().read()));
        ProxyServer proxy = proxy(backend);
        JdkWebSocketClient client = JdkWebSocketClient.connect(wsUri(proxy), 0);
        awaitTrue("the backend is connected", Duration.ofSeconds(5), () -> backend.accepted() == 1);
        client.webSocket().sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
        assertEquals(-1, endOfStream.get(5, TimeUnit.SECONDS));
        assertEquals(new JdkWebSocketClient.Closed(1000, ""), client.closed().get(5, TimeUnit.SECONDS));
        awaitTrue("the session is gone", Duration.ofSeconds(5), () -> proxy.liveSessions() == 0);
    }

    @Test
    void aBrowserThatStopsReadingStopsTheProxyReadingTheServerAndLosesNothing() throws Exception {
        long total = 256L * MIB;
        AtomicLong written = new AtomicLong();
        TestBackend backend = backend(socket -> {
            byte[] buffer = new byte[64 << 10];
            SplittableRandom random = new SplittableRandom(9);
            var out = socket.getOutputStream();
            for (long sent = 0; sent < total; sent += buffer.length) {
                Payloads.fill(random, buffer, buffer.length);
                out.write(buffer);
                written.addAndGet(buffer.length);
            }
        });
        ProxyServer proxy = proxy(backend);
        long before = usedMemory();
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            client.socket().setReceiveBufferSize(64 << 10);
            // Not reading for two seconds while the server streams as fast as it can.
            Thread.sleep(2_000);
            long stalledAt = written.get();
            long proxyMemory = usedMemory() - before;
            Thread.sleep(300);
            assertEquals(stalledAt, written.get(), "the server is held back, not buffered without bound");
            assertTrue(stalledAt < total / 4, "only socket buffers' worth left the server: " + stalledAt);
            assertTrue(proxyMemory < 8L * MIB, "the proxy holds at most a few water marks of data: "
                    + proxyMemory + " bytes");

            java.security.MessageDigest digest = RawWebSocket.sha256();
            long read = 0;
            while (read < total) {
                Frame frame = client.readFrame();
                digest.update(frame.payload());
                read += frame.payload().length;
            }
            assertEquals(total, read);
            assertArrayEquals(Payloads.digestOf(9, total, 64 << 10), digest.digest());
        }
    }

    @Test
    void aForeignOriginIsRefusedWith403BeforeAnyConnect() throws Exception {
        TestBackend backend = backend(socket -> { });
        ProxyServer proxy = proxy(backend);
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify",
                Map.of("Origin", "http://evil.example"))) {
            assertEquals(403, client.handshake().status());
            assertTrue(client.handshake().body().contains("evil.example"), client.handshake().body());
        }
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify",
                Map.of("Origin", "http://localhost:" + port(proxy)))) {
            assertEquals(101, client.handshake().status());
        }
        awaitTrue("the allowed request connected", Duration.ofSeconds(5), () -> backend.accepted() == 1);
    }

    @Test
    void anUnknownTokenIsRefusedAndNothingIsConnected() throws Exception {
        TestBackend backend = backend(socket -> socket.getOutputStream().write("RFB 003.008\n".getBytes()));
        Path tokens = tempDir.resolve("tokens.cfg");
        Files.writeString(tokens, "lab: " + backend.hostAndPort() + "\n");
        TokenFileResolver resolver = new TokenFileResolver(tokens, Duration.ofSeconds(1));
        toClose.add(resolver);
        ProxyServer proxy = ProxyServer.start(ProxyConfig.builder(resolver)
                .listen(new InetSocketAddress("127.0.0.1", 0)).build());
        toClose.add(proxy);
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify?token=nope")) {
            assertEquals(403, client.handshake().status());
            assertEquals("unknown token (fingerprint ca3704aa)\n", client.handshake().body());
        }
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            assertEquals(403, client.handshake().status());
        }
        assertEquals(0, backend.accepted());
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify?token=lab")) {
            assertEquals("RFB 003.008\n", new String(client.readBinary(12), StandardCharsets.US_ASCII));
        }
        assertEquals(1, backend.accepted());
    }

    @Test
    void aTextFrameClosesWith1003() throws Exception {
        TestBackend backend = backend(socket -> socket.getInputStream().read());
        ProxyServer proxy = proxy(backend);
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            client.send(RawWebSocket.TEXT, true, "hello".getBytes(StandardCharsets.UTF_8));
            Frame close = client.readUntilClose(null);
            assertEquals(1003, close.closeCode());
            assertTrue(close.closeReason().contains("text frames"), close.closeReason());
        }
    }

    @Test
    void anUnreachableTargetClosesWith1011NamingIt() throws Exception {
        int nobody = TestBackend.unusedPort();
        ProxyServer proxy = proxy("127.0.0.1:" + nobody, builder -> builder.connectTimeout(Duration.ofSeconds(2)));
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            Frame close = client.readUntilClose(null);
            assertEquals(1011, close.closeCode());
            assertEquals("cannot connect to VNC server 127.0.0.1:" + nobody + ": connection refused",
                    close.closeReason());
        }
    }

    @Test
    void aFrameOverTheLimitClosesWith1009() throws Exception {
        TestBackend backend = backend(socket -> socket.getInputStream().read());
        ProxyServer proxy = proxy(backend.hostAndPort(), builder -> builder.maxFramePayload(1024));
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            client.sendBinary(new byte[1025]);
            assertEquals(1009, client.readUntilClose(null).closeCode());
        }
    }

    @Test
    void base64OnlyClientsAreRefusedWithAClearStatus() throws Exception {
        TestBackend backend = backend(socket -> { });
        ProxyServer proxy = proxy(backend);
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify",
                Map.of("Sec-WebSocket-Protocol", "base64"))) {
            assertEquals(400, client.handshake().status());
            assertTrue(client.handshake().body().contains("only 'binary'"), client.handshake().body());
        }
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify",
                Map.of("Sec-WebSocket-Protocol", "binary"))) {
            assertEquals(101, client.handshake().status());
            assertEquals("binary", client.handshake().headers().get("sec-websocket-protocol"));
        }
    }

    @Test
    void sessionsBeyondTheCapAreRefusedWith503() throws Exception {
        TestBackend backend = backend(socket -> socket.getInputStream().read());
        ProxyServer proxy = proxy(backend.hostAndPort(), builder -> builder.maxSessions(2));
        try (RawWebSocket first = RawWebSocket.connect(port(proxy), "/websockify");
             RawWebSocket second = RawWebSocket.connect(port(proxy), "/websockify");
             RawWebSocket third = RawWebSocket.connect(port(proxy), "/websockify")) {
            assertEquals(101, first.handshake().status());
            assertEquals(101, second.handshake().status());
            assertEquals(503, third.handshake().status());
        }
    }

    @Test
    void connectionFloodsFromOneAddressAreRefusedWith429() throws Exception {
        TestBackend backend = backend(socket -> { });
        ProxyServer proxy = proxy(backend.hostAndPort(), builder -> builder.maxConnectionsPerSecond(5));
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
                if (client.handshake().status() == 429) {
                    refused++;
                    assertTrue(client.handshake().body().contains("too many new connections"));
                }
            }
        }
        assertTrue(refused >= 2, "refused " + refused + " of 8 connections made within a second");
    }

    @Test
    void aThousandSessionsOpenAndCloseWithoutLeakingAnything() throws Exception {
        TestBackend backend = backend(socket -> {
            socket.getOutputStream().write("RFB 003.008\n".getBytes());
            socket.getInputStream().read();
        });
        ProxyServer proxy = proxy(backend);
        // Warm the allocator's caches so the comparison below measures sessions, not first use.
        runSessions(proxy, 50);
        awaitTrue("warm-up sessions are gone", Duration.ofSeconds(10), () -> proxy.reservedSessions() == 0);
        long before = usedMemory();
        runSessions(proxy, 1_000);
        awaitTrue("every session is gone", Duration.ofSeconds(20),
                () -> proxy.liveSessions() == 0 && proxy.reservedSessions() == 0 && backend.open() == 0);
        assertEquals(1_050, backend.accepted());
        long growth = usedMemory() - before;
        assertTrue(growth < 4L * MIB, "buffer memory grew by " + growth + " bytes over 1,000 sessions");
        assertEquals(List.of(), backend.failures());
    }

    private static void runSessions(ProxyServer proxy, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                boolean browserCloses = i % 2 == 0;
                results.add(pool.submit(() -> {
                    try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
                        if (!client.upgraded()) {
                            throw new AssertionError("handshake answered " + client.handshake());
                        }
                        client.readBinary(12);
                        if (browserCloses) {
                            client.send(RawWebSocket.CLOSE, true, new byte[] {0x03, (byte) 0xE8});
                            client.readUntilClose(null);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closingTheProxySendsGoingAwayToEverySession() throws Exception {
        TestBackend backend = backend(socket -> socket.getInputStream().read());
        ProxyServer proxy = proxy(backend);
        try (RawWebSocket first = RawWebSocket.connect(port(proxy), "/websockify");
             RawWebSocket second = RawWebSocket.connect(port(proxy), "/websockify")) {
            awaitTrue("both sessions are live", Duration.ofSeconds(5), () -> proxy.liveSessions() == 2);
            CountDownLatch closing = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread closer = new Thread(() -> {
                closing.countDown();
                proxy.close();
            });
            closer.start();
            closing.await();
            for (RawWebSocket client : List.of(first, second)) {
                Frame close = client.readUntilClose(null);
                assertEquals(1001, close.closeCode());
                assertEquals("proxy shutting down", close.closeReason());
                client.send(RawWebSocket.CLOSE, true, close.payload());
            }
            closer.join(10_000);
            assertEquals(null, failure.get());
        }
        try (Socket probe = new Socket()) {
            probe.connect(proxy.localAddress(), 1_000);
            throw new AssertionError("the proxy still accepts connections");
        } catch (IOException expected) {
            // refused: the listening socket is closed
        }
    }

    @Test
    void anIdleSessionIsClosedAfterTheIdleTimeout() throws Exception {
        TestBackend backend = backend(socket -> socket.getInputStream().read());
        ProxyServer proxy = proxy(backend.hostAndPort(), builder -> builder.idleTimeout(Duration.ofMillis(500)));
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            long start = System.nanoTime();
            Frame close = client.readUntilClose(null);
            assertEquals(1000, close.closeCode());
            assertEquals("idle for 0 s", close.closeReason());
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(400));
        }
    }

    @Test
    void aBrowserThatNeverAnswersPingsIsDropped() throws Exception {
        TestBackend backend = backend(socket -> socket.getInputStream().read());
        ProxyServer proxy = proxy(backend.hostAndPort(), builder -> builder.pingInterval(Duration.ofMillis(200)));
        try (RawWebSocket client = RawWebSocket.connect(port(proxy), "/websockify")) {
            int pings = 0;
            Frame frame;
            while ((frame = client.readFrame()).opcode() != RawWebSocket.CLOSE) {
                if (frame.opcode() == RawWebSocket.PING) {
                    pings++;
                }
            }
            assertEquals(2, pings);
            assertEquals(1001, frame.closeCode());
            assertTrue(frame.closeReason().startsWith("browser did not answer keepalive pings"),
                    frame.closeReason());
        }
        awaitTrue("the backend connection closed too", Duration.ofSeconds(5), () -> backend.open() == 0);
    }

    @Test
    void aBrowserThatAnswersPingsStays() throws Exception {
        TestBackend backend = backend(socket -> socket.getInputStream().read());
        ProxyServer proxy = proxy(backend.hostAndPort(), builder -> builder.pingInterval(Duration.ofMillis(100)));
        JdkWebSocketClient client = JdkWebSocketClient.connect(wsUri(proxy), 0);
        Thread.sleep(1_000);
        assertTrue(!client.closed().isDone(), "the JDK client answers pings, so the session lives");
        assertEquals(1, proxy.liveSessions());
    }

    @Test
    void servesTheViewerPageAndHealthOverPlainHttp() throws Exception {
        TestBackend backend = backend(socket -> { });
        ProxyServer proxy = proxy(backend);
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(java.net.http.HttpRequest.newBuilder(URI.create(proxy.url())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html"), page.body());
        var health = http.send(java.net.http.HttpRequest.newBuilder(URI.create(proxy.url() + "healthz")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"status\":\"ok\",\"sessions\":0,\"maxSessions\":10000}\n", health.body());
    }
}
