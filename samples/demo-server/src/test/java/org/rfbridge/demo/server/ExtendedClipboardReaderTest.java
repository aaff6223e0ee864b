// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;

/** The extended clipboard's messages read alone, from bytes: limits, bombs and every way to be malformed. */
@Timeout(30)
class ExtendedClipboardReaderTest {

    private static final int LIMIT = 256 * 1024;

    /** Records the clipboard calls; any other call is a test failure. */
    private static final class Recorder implements ClientMessageHandler {
        final List<String> calls = new ArrayList<>();

        @Override
        public void clipboardCaps(int formats, int actions, long textMax) {
            calls.add(String.format("caps %x %08x %d", formats, actions, textMax));
        }

        @Override
        public void clipboardRequest(int formats) {
            calls.add("request " + formats);
        }

        @Override
        public void clipboardPeek() {
            calls.add("peek");
        }

        @Override
        public void clipboardNotify(int formats) {
            calls.add("notify " + formats);
        }

        @Override
        public void clipboardProvide(String text) {
            calls.add("provide " + text);
        }

        @Override
        public void clipboardDropped(String reason) {
            calls.add("dropped " + reason);
        }

        @Override
        public void cutTextSkipped(long length) {
            calls.add("skipped " + length);
        }

        @Override
        public void setPixelFormat(PixelFormat format) {
            throw new AssertionError();
        }

        @Override
        public void setEncodings(ClientEncodings encodings) {
            throw new AssertionError();
        }

        @Override
        public void updateRequest(boolean incremental, Rect area) {
            throw new AssertionError();
        }

        @Override
        public void keyEvent(boolean down, int keysym) {
            throw new AssertionError();
        }

        @Override
        public void qemuKeyEvent(boolean down, int keysym, int scancode) {
            throw new AssertionError();
        }

        @Override
        public void pointerEvent(int buttonMask, int x, int y) {
            throw new AssertionError();
        }

        @Override
        public void cutText(String text) {
            throw new AssertionError();
        }

        @Override
        public void continuousUpdates(boolean enable, Rect area) {
            throw new AssertionError();
        }

        @Override
        public void fence(int flags, byte[] payload) {
            throw new AssertionError();
        }

        @Override
        public void setDesktopSize(int width, int height, ScreenLayout layout) {
            throw new AssertionError();
        }
    }

    /** Reads {@code message} (a whole ClientCutText, type byte included) and returns the calls it made. */
    private static List<String> read(byte[] message) throws Exception {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(message));
        Recorder recorder = new Recorder();
        in.readFully(new byte[8]);
        int length = (int) ExtensionClient.u32(message, 4);
        new ExtendedClipboardReader(in, LIMIT).read(length, recorder);
        assertEquals(-1, in.read(), "the whole message was consumed");
        return recorder.calls;
    }

    private static byte[] provide(byte[] inflated) {
        return ExtensionClient.extendedCutText(ExtensionClient.PROVIDE | ExtensionClient.TEXT,
                ExtensionClient.deflate(inflated));
    }

    @Test
    void eachActionReachesTheHandler() throws Exception {
        assertEquals(List.of("caps 1 1e000000 4096"), read(ExtensionClient.extendedCutText(
                ExtensionClient.CAPS | 0x1e000000 | 1, new byte[] {0, 0, 0x10, 0})));
        assertEquals(List.of("caps 5 06000000 7"), read(ExtensionClient.extendedCutText(
                ExtensionClient.CAPS | ExtensionClient.REQUEST | ExtensionClient.PEEK | 5,
                new byte[] {0, 0, 0, 7, 0, 0, 0, 9, 1, 2})), "text's size comes first; extra bytes are ignored");
        assertEquals(List.of("request 1"),
                read(ExtensionClient.extendedCutText(ExtensionClient.REQUEST | 1, new byte[0])));
        assertEquals(List.of("peek"), read(ExtensionClient.extendedCutText(ExtensionClient.PEEK, new byte[0])));
        assertEquals(List.of("notify 1"),
                read(ExtensionClient.extendedCutText(ExtensionClient.NOTIFY | 1, new byte[0])));
        assertEquals(List.of("provide Grüße\n東京 🙂"), read(provide(ExtensionClient.lengthPrefixed(
                "Grüße\r\n東京 🙂\0".getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aProvideWithoutTextIsNotEvenInflated() throws Exception {
        byte[] notZlib = {1, 2, 3, 4, 5};
        assertEquals(List.of(), read(ExtensionClient.extendedCutText(ExtensionClient.PROVIDE | 2, notZlib)));
    }

    @Test
    void malformedMessagesFailWithTheirReason() {
        assertFails("ExtendedClipboard message of 2 bytes is shorter than its 4-byte flags",
                new byte[] {6, 0, 0, 0, -1, -1, -1, -2, 0, 0});
        assertFails("ExtendedClipboard message with actions 0x00000000: exactly one is allowed",
                ExtensionClient.extendedCutText(1, new byte[0]));
        assertFails("ExtendedClipboard message with actions 0x18000000: exactly one is allowed",
                ExtensionClient.extendedCutText(ExtensionClient.NOTIFY | ExtensionClient.PROVIDE | 1, new byte[0]));
        assertFails("ExtendedClipboard caps of 8 bytes lists 2 formats, which need 12",
                ExtensionClient.extendedCutText(ExtensionClient.CAPS | 3, new byte[4]));
        assertFails("ExtendedClipboard provide data is not valid zlib",
                ExtensionClient.extendedCutText(ExtensionClient.PROVIDE | 1, new byte[] {1, 2, 3, 4, 5, 6}));
        byte[] noise = new byte[1000];
        new java.util.Random(5).nextBytes(noise);
        byte[] whole = ExtensionClient.deflate(ExtensionClient.lengthPrefixed(noise));
        assertFails("ExtendedClipboard provide data ends inside its text",
                ExtensionClient.extendedCutText(ExtensionClient.PROVIDE | 1, Arrays.copyOf(whole, whole.length - 6)));
        assertFails("ExtendedClipboard provide data ends inside its text",
                provide(new byte[] {0, 0, 0, 9, 'a', 'b'}));
    }

    private static void assertFails(String message, byte[] bytes) {
        ClientProtocolException e = assertThrows(ClientProtocolException.class, () -> read(bytes));
        assertEquals(message, e.getMessage());
    }

    @Test
    void textOverTheLimitOrNotUtf8IsDroppedAndTheSessionGoesOn() throws Exception {
        byte[] overLimit = ExtensionClient.lengthPrefixed(new byte[LIMIT + 1]);
        assertEquals(List.of("dropped clipboard text of 262145 bytes is over the limit of 262144 bytes"),
                read(provide(overLimit)));
        assertEquals(List.of("dropped clipboard text is not UTF-8"),
                read(provide(ExtensionClient.lengthPrefixed(new byte[] {'a', (byte) 0xC3, 0}))));
        assertEquals(List.of("dropped clipboard text is not UTF-8"),
                read(provide(ExtensionClient.lengthPrefixed(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}))),
                "a UTF-16 surrogate is no UTF-8");
    }

    @Test
    void aMessageLongerThanTheLimitIsSkippedUnread() throws Exception {
        byte[] big = ExtensionClient.extendedCutText(ExtensionClient.PROVIDE | 1, new byte[LIMIT + 1024]);
        assertEquals(List.of("skipped " + (LIMIT + 1028)), read(big));
    }

    @Test
    void aZlibBombCostsItsCompressedSizeNotItsInflatedOne() throws Exception {
        // 200 MiB of zeros behind a length of 200 MiB, and the same behind a length within the limit.
        long inflated = 200L << 20;
        byte[] declaredHuge = bomb(inflated, (int) inflated);
        byte[] declaredSmall = bomb(inflated, 100);
        assertTrue(declaredHuge.length < LIMIT, "the bomb fits the message limit: " + declaredHuge.length);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        read(declaredHuge);
        long before = threads.getThreadAllocatedBytes(thread);
        List<String> calls = read(declaredHuge);
        long huge = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(List.of("dropped clipboard text of 209715200 bytes is over the limit of 262144 bytes"), calls);
        before = threads.getThreadAllocatedBytes(thread);
        calls = read(declaredSmall);
        long small = threads.getThreadAllocatedBytes(thread) - before;
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).startsWith("provide "), calls.toString());
        // Reading the message holds its compressed bytes (twice here: the test's stream and the reader's copy).
        long bound = 4L * declaredHuge.length + (1 << 20);
        assertTrue(huge < bound, "declared 200 MiB: allocated " + huge + " bytes, bound " + bound);
        assertTrue(small < bound, "declared 100 bytes of 200 MiB: allocated " + small + " bytes, bound " + bound);
    }

    /** A provide whose stream declares {@code declared} text bytes and inflates to {@code total} zeros. */
    private static byte[] bomb(long total, int declared) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1 << 16];
        byte[] zeros = new byte[1 << 20];
        deflater.setInput(new byte[] {(byte) (declared >>> 24), (byte) (declared >>> 16), (byte) (declared >>> 8),
            (byte) declared});
        for (long fed = 0; fed < total; fed += zeros.length) {
            while (!deflater.needsInput()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            deflater.setInput(zeros);
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        return ExtensionClient.extendedCutText(ExtensionClient.PROVIDE | ExtensionClient.TEXT, out.toByteArray());
    }
}
