// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.server.ExtensionClient.EndOfContinuousUpdates;
import org.rfbridge.demo.server.ExtensionClient.Fence;
import org.rfbridge.demo.server.ExtensionClient.Message;
import org.rfbridge.demo.server.ExtensionClient.Update;
import org.rfbridge.demo.server.RfbTestClient.ReceivedRect;
import org.rfbridge.rfb.encoding.Encodings;

/** Fences, continuous updates and their flow control over a real socket. */
@Timeout(30)
class ContinuousUpdatesTest {

    private static final int REQUEST = 0x8000_0000;

    /** A client that announced Fence and ContinuousUpdates, has the whole picture and read both announcements. */
    private static ExtensionClient continuousClient(ServerFixture fixture, int... more) throws Exception {
        RfbTestClient client = fixture.connectReady();
        int[] encodings = Arrays.copyOf(new int[] {Encodings.RAW, Encodings.FENCE, Encodings.CONTINUOUS_UPDATES},
                3 + more.length);
        System.arraycopy(more, 0, encodings, 3, more.length);
        client.setEncodings(encodings);
        ExtensionClient ext = new ExtensionClient(client, false);
        Fence hello = assertInstanceOf(Fence.class, ext.next(), "first the Fence");
        assertEquals(REQUEST, hello.flags());
        ext.fence(hello.flags() & 7, hello.payload());
        assertInstanceOf(EndOfContinuousUpdates.class, ext.next(), "then EndOfContinuousUpdates");
        client.requestFullUpdate(false);
        ext.await(Update.class, ExtensionClient.skipped());
        return ext;
    }

    @Test
    void fenceAndEndOfContinuousUpdatesAnnounceTheExtensionsOnceAndOnlyWhenAsked() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient plain = fixture.connectReady();
                RfbTestClient modern = fixture.connectReady()) {
            plain.setEncodings(Encodings.RAW, Encodings.COPY_RECT, Encodings.DESKTOP_SIZE);
            modern.setEncodings(Encodings.RAW, Encodings.FENCE, Encodings.CONTINUOUS_UPDATES);
            ExtensionClient ext = new ExtensionClient(modern, false);
            Fence hello = assertInstanceOf(Fence.class, ext.next());
            assertEquals(REQUEST, hello.flags(), "a fence request");
            assertEquals("00000000", HexFormat.of().formatHex(hello.payload()));
            assertInstanceOf(EndOfContinuousUpdates.class, ext.next());
            modern.setEncodings(Encodings.RAW, Encodings.FENCE, Encodings.CONTINUOUS_UPDATES, Encodings.COPY_RECT);
            assertTrue(modern.silentFor(300), "announced once a session: a second End would end continuous mode");
            assertTrue(plain.silentFor(100), "nothing for a client that announced neither");
        }
    }

    @Test
    void aFenceRequestIsAnsweredWithItsPayloadAndKnownFlagsAfterWhatCameBefore() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = fixture.connectReady()) {
            ExtensionClient ext = new ExtensionClient(client, false);
            client.type('q');
            ext.fence(REQUEST | 0x40 | 7, new byte[] {'a', 'b', 'c'});
            Fence answer = assertInstanceOf(Fence.class, ext.next());
            assertEquals("q", fixture.desktop.echoText(), "the key before the fence was handled first");
            ExtensionClient.assertFlags(7, answer.flags());
            assertEquals("abc", new String(answer.payload(), java.nio.charset.StandardCharsets.US_ASCII));
            ext.fence(REQUEST, new byte[64]);
            Fence empty = assertInstanceOf(Fence.class, ext.next());
            ExtensionClient.assertFlags(0, empty.flags());
            assertEquals(64, empty.payload().length);
            ext.fence(0, new byte[] {1, 2, 3, 4});
            assertTrue(client.silentFor(200), "an answer to nothing of ours is not answered");
        }
    }

    @Test
    void inContinuousModeChangesArriveWithoutRequestsUntilItIsTurnedOff() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = continuousClient(fixture).client()) {
            ExtensionClient ext = new ExtensionClient(client, false);
            ext.enableContinuousUpdates(true, 0, 0, 640, 480);
            for (int i = 0; i < 3; i++) {
                fixture.desktop.keyEvent(true, 'a' + i);
                Update update = ext.await(Update.class, ExtensionClient.skipped());
                assertFalse(update.rects().isEmpty());
                Fence fence = assertInstanceOf(Fence.class, ext.next(), "a flow-control fence follows each update");
                assertEquals(REQUEST | 1, fence.flags(), "Request and BlockBefore");
                assertEquals(4, fence.payload().length);
                ext.fence(fence.flags() & 7, fence.payload());
                waitUntil(() -> Arrays.equals(fixture.desktop.snapshot(), client.framebuffer()), client, ext);
            }
            assertEquals("abc", fixture.desktop.echoText());
            ext.enableContinuousUpdates(false, 0, 0, 0, 0);
            ext.await(EndOfContinuousUpdates.class, ExtensionClient.skipped());
            fixture.desktop.keyEvent(true, 'd');
            assertTrue(client.silentFor(300), "back to requests: nothing without one");
            client.requestFullUpdate(true);
            ext.await(Update.class, ExtensionClient.skipped());
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer());
        }
    }

    /** Reads (answering fences) until {@code done} holds; fails on a quiet second without it. */
    private static void waitUntil(java.util.function.BooleanSupplier done, RfbTestClient client, ExtensionClient ext)
            throws IOException {
        while (!done.getAsBoolean()) {
            if (client.silentFor(1000)) {
                throw new AssertionError("the server went quiet before the client caught up");
            }
            ext.awaitAnswering(Update.class);
        }
    }

    @Test
    void aNonIncrementalRequestInContinuousModeStillRefreshesEverything() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = continuousClient(fixture).client()) {
            ExtensionClient ext = new ExtensionClient(client, false);
            ext.enableContinuousUpdates(true, 0, 0, 640, 480);
            client.requestFullUpdate(false);
            Update update = ext.await(Update.class, ExtensionClient.skipped());
            FramebufferUpdateTest.assertCoversExactly(fixture.desktop.bounds(), update.rects());
        }
    }

    @Test
    void onlyChangesInsideTheContinuousAreaAreSent() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = continuousClient(fixture).client()) {
            ExtensionClient ext = new ExtensionClient(client, false);
            ext.enableContinuousUpdates(true, 0, 0, 100, 100);
            fixture.desktop.fillRect(new org.rfbridge.demo.desktop.Rect(300, 300, 10, 10), 0x123456);
            assertTrue(client.silentFor(300), "a change outside the area waits");
            fixture.desktop.fillRect(new org.rfbridge.demo.desktop.Rect(50, 50, 10, 10), 0x654321);
            Update update = ext.await(Update.class, ExtensionClient.skipped());
            assertEquals(List.of(new ReceivedRect(50, 50, 10, 10, Encodings.RAW, -1, -1)), update.rects());
        }
    }

    @Test
    void aResizeInContinuousModeArrivesAtOnceAndTheClientCanFollowIt() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = continuousClient(fixture, Encodings.EXTENDED_DESKTOP_SIZE).client()) {
            ExtensionClient ext = new ExtensionClient(client, false);
            ext.enableContinuousUpdates(true, 0, 0, 640, 480);
            fixture.desktop.resize(800, 600);
            Update resize = ext.awaitAnswering(Update.class);
            assertEquals(List.of(new ReceivedRect(0, 0, 800, 600, Encodings.EXTENDED_DESKTOP_SIZE, -1, -1)),
                    resize.rects());
            ext.enableContinuousUpdates(true, 0, 0, 800, 600);
            client.requestFullUpdate(false);
            waitUntil(() -> client.width() == 800
                    && Arrays.equals(fixture.desktop.snapshot(), client.framebuffer()), client, ext);
        }
    }

    @Test
    void aClientThatNeverAnswersFencesGetsAboutOneWindowWhileOneThatAnswersGetsEverything() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient silent = continuousClient(fixture).client();
                RfbTestClient answering = continuousClient(fixture).client()) {
            ExtensionClient silentExt = new ExtensionClient(silent, false);
            ExtensionClient answeringExt = new ExtensionClient(answering, false);
            silentExt.enableContinuousUpdates(true, 0, 0, 640, 480);
            answeringExt.enableContinuousUpdates(true, 0, 0, 640, 480);
            Reader silentReader = new Reader(silentExt, false);
            Reader answeringReader = new Reader(answeringExt, true);
            silentReader.start();
            answeringReader.start();
            // The log scrolls, and without CopyRect every scroll resends the log's text area.
            for (int i = 0; i < 200; i++) {
                fixture.desktop.log("line " + i);
                Thread.sleep(3);
            }
            Thread.sleep(500);
            silentReader.stop();
            answeringReader.stop();
            long bound = FlowControl.INITIAL_WINDOW + silentReader.largest.get() + 1024;
            assertTrue(silentReader.bytes.get() <= bound,
                    "the silent client got " + silentReader.bytes.get() + " bytes, bound " + bound);
            assertTrue(silentReader.updates.get() >= 1, "it got updates until the window was full");
            assertTrue(answeringReader.bytes.get() > 4 * bound, "the answering client got "
                    + answeringReader.bytes.get() + " bytes in " + answeringReader.updates.get() + " updates");
            // Answering at last lets the newest pixels through: the stale frames were never queued.
            waitUntil(() -> Arrays.equals(fixture.desktop.snapshot(), silent.framebuffer()), silent, silentExt);
        }
    }

    /** Reads a client's messages on a thread of its own, counting update bytes, answering fences or not. */
    private static final class Reader {
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong largest = new AtomicLong();
        final AtomicLong updates = new AtomicLong();
        private final ExtensionClient ext;
        private final boolean answer;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private volatile Throwable failure;
        private final List<Fence> unanswered = new java.util.ArrayList<>();

        Reader(ExtensionClient ext, boolean answer) {
            this.ext = ext;
            this.answer = answer;
            this.thread = new Thread(this::run, "test-reader");
        }

        void start() {
            thread.start();
        }

        void stop() throws Exception {
            running.set(false);
            thread.join(10_000);
            if (failure != null) {
                throw new AssertionError("reader failed", failure);
            }
            // The fences the silent reader held back are answered now, by the test thread.
            for (Fence f : unanswered) {
                ext.fence(f.flags() & 7, f.payload());
            }
        }

        private void run() {
            try {
                while (running.get()) {
                    if (ext.client().silentFor(50)) {
                        continue;
                    }
                    Message m = ext.next();
                    if (m instanceof Update u) {
                        long size = 4;
                        for (ReceivedRect r : u.rects()) {
                            size += 12 + 4L * r.width() * r.height();
                        }
                        bytes.addAndGet(size);
                        largest.accumulateAndGet(size, Math::max);
                        updates.incrementAndGet();
                    } else if (m instanceof Fence f) {
                        if (answer) {
                            ext.fence(f.flags() & 7, f.payload());
                        } else {
                            unanswered.add(f);
                        }
                    }
                }
            } catch (Throwable e) {
                failure = e;
            }
        }
    }
}
