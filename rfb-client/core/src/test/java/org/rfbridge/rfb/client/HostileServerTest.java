// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.RfbConnectionRefusedException;
import org.rfbridge.rfb.RfbEndOfStreamException;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.RfbTimeoutException;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.testing.ServerBytes;

/**
 * A scripted fake server on loopback sends one malformed thing per case; the session must end with the
 * expected typed exception within a second, and never allocate what the server advertises (the surefire heap
 * is 1 GiB, and several cases advertise gigabytes: an attempt would surface as an internal error, not the
 * typed exception asserted here).
 */
@Timeout(60)
class HostileServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(1);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofMillis(400);

    private final List<AutoCloseableResource> resources = new ArrayList<>();

    private interface AutoCloseableResource {
        void close() throws Exception;
    }

    /** What the fake server does after writing its script. */
    private enum Then { CLOSE, STALL }

    /** How a session ended. */
    private record Ending(RfbException cause, long millis, int bells, int clipboards) {
    }

    @BeforeAll
    static void warmUp() throws Exception {
        // The first session loads the library's classes; keep that out of the timed cases.
        HostileServerTest warmUp = new HostileServerTest();
        warmUp.session(ServerBytes.create().banner("003.008").u8(0).string("warm-up"), Then.CLOSE,
                ClientOptions.builder());
        warmUp.closeResources();
    }

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseableResource r : resources) {
            r.close();
        }
    }

    private static ServerBytes ready(int w, int h) {
        return ServerBytes.create().handshake38None(w, h, PixelFormat.RGB888, "hostile");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("bad banner", ServerBytes.create().ascii("HTTP/1.1 400 Bad Request\r\n"),
                        RfbProtocolException.class, "\"HTTP/1.1 400\""),
                Arguments.of("refused with a reason", ServerBytes.create().banner("003.008").u8(0)
                        .string("Too many security failures"), RfbConnectionRefusedException.class,
                        "Too many security failures"),
                Arguments.of("authentication failure reason", ServerBytes.create().banner("003.008").u8(1).u8(2)
                        .bytes(new byte[16]).u32(1).string("Authentication failure"),
                        RfbAuthenticationException.class, "Authentication failure"),
                Arguments.of("huge desktop name", ServerBytes.create().banner("003.008").u8(1).u8(1).u32(0)
                        .u16(640).u16(480).pixelFormat(PixelFormat.RGB888).u32(0xFFFF_FFF0L),
                        RfbProtocolException.class, "desktop name of 4294967280 bytes"),
                Arguments.of("huge refusal reason", ServerBytes.create().banner("003.008").u8(0).u32(0x7FFF_FFFF),
                        RfbProtocolException.class, "2147483647 bytes"),
                Arguments.of("zero framebuffer", ready(0, 0), RfbProtocolException.class, "0x0"),
                Arguments.of("absurd framebuffer", ready(65535, 65535), RfbProtocolException.class, "65535x65535"),
                Arguments.of("24 bits per pixel", serverInitWith(new PixelFormat(24, 24, false, true, 255, 255, 255,
                        16, 8, 0)), RfbProtocolException.class, "bits-per-pixel 24"),
                Arguments.of("depth 0", serverInitWith(new PixelFormat(32, 0, false, true, 255, 255, 255, 16, 8, 0)),
                        RfbProtocolException.class, "depth 0"),
                Arguments.of("channel outside the pixel", serverInitWith(new PixelFormat(16, 16, false, true, 31, 63,
                        31, 14, 5, 0)), RfbProtocolException.class, "red channel"),
                Arguments.of("max not 2^n-1", serverInitWith(new PixelFormat(32, 24, false, true, 100, 255, 255,
                        16, 8, 0)), RfbProtocolException.class, "red-max 100"),
                Arguments.of("rectangle outside the framebuffer", ready(4, 4).updateHeader(1)
                        .rectHeader(2, 2, 3, 1, Encodings.RAW), RfbProtocolException.class, "3x1+2+2"),
                Arguments.of("rectangle at 65535", ready(4, 4).updateHeader(1)
                        .rectHeader(65535, 65535, 65535, 65535, Encodings.RAW), RfbProtocolException.class,
                        "outside the 4x4 framebuffer"),
                Arguments.of("CopyRect source outside", ready(4, 4).updateHeader(1).copyRect(0, 0, 2, 2, 3, 3),
                        RfbProtocolException.class, "CopyRect source 2x2+3+3"),
                Arguments.of("cursor too big", ready(4, 4).updateHeader(1).rectHeader(0, 0, 257, 10, Encodings.CURSOR),
                        RfbProtocolException.class, "cursor 257x10"),
                Arguments.of("huge DesktopSize", ready(4, 4).updateHeader(1).desktopSize(16385, 2),
                        RfbProtocolException.class, "DesktopSize 16385x2"),
                Arguments.of("zero DesktopSize", ready(4, 4).updateHeader(1).desktopSize(0, 0),
                        RfbProtocolException.class, "DesktopSize 0x0"),
                Arguments.of("colour map past its end", ready(4, 4).u8(1).u8(0).u16(65535).u16(2),
                        RfbProtocolException.class, "SetColourMapEntries 65535+2"),
                Arguments.of("unknown message type", ready(4, 4).u8(0xC8), RfbProtocolException.class,
                        "unknown server message type 200"),
                Arguments.of("unknown encoding", ready(4, 4).updateHeader(1).rectHeader(0, 0, 1, 1, 0x7777),
                        RfbProtocolException.class, "unknown (30583, 0x7777)"),
                Arguments.of("truncated mid-rectangle", ready(4, 4).updateHeader(1)
                        .rectHeader(0, 0, 4, 4, Encodings.RAW).bytes(new byte[10]), RfbEndOfStreamException.class,
                        "in rectangle 1 of a FramebufferUpdate"),
                Arguments.of("truncated in the handshake", ServerBytes.create().banner("003.008").u8(3).u8(1),
                        RfbEndOfStreamException.class, "during the handshake"),
                Arguments.of("4 GiB cut text, then the stream ends", ready(4, 4).u8(3).u8(0).u8(0).u8(0)
                        .u32(0x7FFF_FFFFL).bytes(new byte[1 << 20]), RfbEndOfStreamException.class,
                        "in a ServerCutText message (2146435071 bytes missing)"),
                Arguments.of("2 GiB extended clipboard message, then the stream ends", ready(4, 4).u8(3).u8(0).u8(0)
                        .u8(0).u32(0x8000_0000L).bytes(new byte[1 << 20]), RfbEndOfStreamException.class,
                        "in a ServerCutText message (2146435072 bytes missing)"));
    }

    private static ServerBytes serverInitWith(PixelFormat pf) {
        return ServerBytes.create().banner("003.008").u8(1).u8(1).u32(0).serverInit(8, 8, pf, "bad format");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsWithTheTypedErrorWithinASecond(String name, ServerBytes script, Class<? extends RfbException> expected,
            String fragment) throws Exception {
        Ending ending = session(script, Then.CLOSE, ClientOptions.builder().password("wrong"));
        assertInstanceOf(expected, ending.cause(), () -> name + ": " + ending.cause());
        assertTrue(ending.cause().getMessage().contains(fragment), ending.cause().getMessage());
        assertTrue(ending.millis() < LIMIT.toMillis(), name + " took " + ending.millis() + " ms");
    }

    @Test
    void serverStallingMidHandshakeTimesOut() throws Exception {
        Ending ending = session(ServerBytes.create().banner("003.008").u8(1).u8(1).u32(0).u16(640), Then.STALL,
                ClientOptions.builder().handshakeTimeout(HANDSHAKE_TIMEOUT));
        assertInstanceOf(RfbTimeoutException.class, ending.cause());
        assertTrue(ending.millis() >= HANDSHAKE_TIMEOUT.toMillis() && ending.millis() < LIMIT.toMillis(),
                "took " + ending.millis() + " ms");
    }

    @Test
    void cutTextOverTheCapIsSkippedAndTheSessionGoesOn() throws Exception {
        int length = 3 << 20;
        ServerBytes script = ready(4, 4).u8(3).u8(0).u8(0).u8(0).u32(length).bytes(new byte[length]).bell()
                .updateHeader(1).rectHeader(0, 0, 5, 1, Encodings.RAW);
        Ending ending = session(script, Then.CLOSE, ClientOptions.builder().maxCutTextBytes(64 * 1024));
        assertEquals(1, ending.bells(), "the bell after the skipped text arrived");
        assertEquals(0, ending.clipboards(), "the text over the cap was not delivered");
        assertInstanceOf(RfbProtocolException.class, ending.cause());
        assertTrue(ending.cause().getMessage().contains("5x1+0+0"), ending.cause().getMessage());
        assertTrue(ending.millis() < LIMIT.toMillis(), "took " + ending.millis() + " ms");
    }

    @Test
    void floodOfUnrequestedUpdatesIsTakenAsTheConsumerTakesThemAndBadDataStillEndsPromptly() throws Exception {
        // The server floods unsolicited updates; the session decodes each once the consumer took the last (here at
        // once) and never requests more than one ahead; a consumer that stops taking them stops the reading.
        ServerBytes script = ready(4, 4);
        for (int i = 0; i < 2000; i++) {
            script.updateHeader(1).rawRect(0, 0, 4, 4, PixelFormat.RGB888, new int[16]);
        }
        script.u8(0xFE);
        Ending ending = session(script, Then.CLOSE, ClientOptions.builder().autoAcknowledgeUpdates(true));
        assertInstanceOf(RfbProtocolException.class, ending.cause());
        assertTrue(ending.millis() < LIMIT.toMillis(), "took " + ending.millis() + " ms");
    }

    /** Runs one client session against a server that sends {@code script}, and reports how it ended. */
    private Ending session(ServerBytes script, Then then, ClientOptions.Builder options) throws Exception {
        byte[] bytes = script.toByteArray();
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        resources.add(server::close);
        Thread serverThread = new Thread(() -> serve(server, bytes, then), "hostile-server");
        serverThread.setDaemon(true);
        serverThread.start();
        resources.add(() -> {
            server.close();
            serverThread.join(2000);
            assertFalse(serverThread.isAlive(), "fake server thread still running");
        });

        CompletableFuture<RfbException> ended = new CompletableFuture<>();
        AtomicInteger bells = new AtomicInteger();
        AtomicInteger clipboards = new AtomicInteger();
        long start = System.nanoTime();
        RfbClient client = RfbClient.start(Target.tcp("127.0.0.1", server.getLocalPort()), options.build(),
                new RfbClientListener() {
                    @Override
                    public void onBell() {
                        bells.incrementAndGet();
                    }

                    @Override
                    public void onClipboard(String text) {
                        clipboards.incrementAndGet();
                    }

                    @Override
                    public void onDisconnected(RfbException cause) {
                        ended.complete(cause);
                    }
                });
        resources.add(0, client::close);
        RfbException cause = ended.get(10, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(client.awaitClosed(Duration.ofSeconds(5)), "session thread ended");
        return new Ending(cause, millis, bells.get(), clipboards.get());
    }

    /** Accepts one client, sends the script, then closes its output or stalls; drains what the client sends. */
    private static void serve(ServerSocket server, byte[] script, Then then) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(20_000);
            Thread drain = new Thread(() -> drain(socket), "hostile-server-drain");
            drain.setDaemon(true);
            drain.start();
            OutputStream out = socket.getOutputStream();
            try {
                out.write(script);
                out.flush();
            } catch (IOException e) {
                // The client may hang up before reading everything; that is its right.
            }
            if (then == Then.CLOSE) {
                socket.shutdownOutput();
            }
            drain.join(20_000);
        } catch (IOException e) {
            // The server socket was closed by the test's cleanup.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void drain(Socket socket) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = socket.getInputStream();
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // Closed: the session is over.
        }
    }
}
