// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.demo.server.ExtensionClient.CAPS;
import static org.rfbridge.demo.server.ExtensionClient.NOTIFY;
import static org.rfbridge.demo.server.ExtensionClient.PEEK;
import static org.rfbridge.demo.server.ExtensionClient.PROVIDE;
import static org.rfbridge.demo.server.ExtensionClient.REQUEST;
import static org.rfbridge.demo.server.ExtensionClient.TEXT;
import static org.rfbridge.demo.server.ExtensionClient.assertFlags;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.server.ExtensionClient.Clipboard;
import org.rfbridge.demo.server.ExtensionClient.CutText;
import org.rfbridge.rfb.encoding.Encodings;

/** The shared clipboard between clients of every kind, over real sockets. */
@Timeout(30)
class ClipboardTest {

    private static final int ALL_ACTIONS = REQUEST | PEEK | NOTIFY | PROVIDE;
    private static final String UNICODE = "Grüße, 東京, 🙂\nzweite Zeile";

    /** A client with the extended clipboard, past the caps exchange, its caps naming {@code actions}. */
    private static ExtensionClient extended(ServerFixture fixture, int actions, int maxText) throws Exception {
        RfbTestClient client = fixture.connectReady();
        client.setEncodings(Encodings.RAW, ExtensionClient.EXTENDED_CLIPBOARD);
        ExtensionClient ext = new ExtensionClient(client, true);
        Clipboard caps = ext.await(Clipboard.class, ExtensionClient.skipped());
        assertFlags(CAPS | ALL_ACTIONS | TEXT, caps.flags());
        ext.caps(actions, maxText);
        return ext;
    }

    private static void awaitClipboard(ServerFixture fixture, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!expected.equals(fixture.desktop.clipboardText()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, fixture.desktop.clipboardText());
    }

    @Test
    void theServersCapsFollowEverySetEncodingsThatAnnouncesTheExtension() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(ServerFixture.options().withMaxCutText(5000));
                RfbTestClient client = fixture.connectReady()) {
            client.setEncodings(Encodings.RAW, ExtensionClient.EXTENDED_CLIPBOARD);
            String caps = "03000000" + "fffffff8" + "1f000001" + "00001388";
            assertEquals(caps, HexFormat.of().formatHex(client.readBytes(16)),
                    "caps: text, all five actions, the server's limit");
            client.setEncodings(Encodings.RAW, ExtensionClient.EXTENDED_CLIPBOARD, Encodings.COPY_RECT);
            assertEquals(caps, HexFormat.of().formatHex(client.readBytes(16)));
            client.setEncodings(Encodings.RAW);
            assertTrue(client.silentFor(200));
        }
    }

    @Test
    void utf8TextFromOneClientReachesEveryOtherInTheFormItTakes() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                ExtensionClient.Closer closer = new ExtensionClient.Closer()) {
            ExtensionClient source = closer.add(extended(fixture, ALL_ACTIONS, 0));
            ExtensionClient notified = closer.add(extended(fixture, ALL_ACTIONS, 0));
            ExtensionClient providedOnly = closer.add(extended(fixture, PROVIDE, 0));
            RfbTestClient legacy = closer.add(fixture.connectReady());
            fixture.awaitSessions(4);
            source.provide(UNICODE);
            awaitClipboard(fixture, UNICODE);
            assertEquals(1, fixture.desktop.clipboardOwner());

            Clipboard notify = notified.await(Clipboard.class, ExtensionClient.skipped());
            assertFlags(NOTIFY | TEXT, notify.flags());
            notified.clipboard(REQUEST | TEXT, new byte[0]);
            Clipboard provide = notified.await(Clipboard.class, ExtensionClient.skipped());
            assertFlags(PROVIDE | TEXT, provide.flags());
            byte[] wire = "Grüße, 東京, 🙂\r\nzweite Zeile\0".getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(wire, provide.providedText(), "UTF-8, CRLF, a NUL counted in the length");

            Clipboard direct = providedOnly.await(Clipboard.class, ExtensionClient.skipped());
            assertFlags(PROVIDE | TEXT, direct.flags());
            assertArrayEquals(wire, direct.providedText(), "a client without notify gets the text at once");

            CutText latin1 = new ExtensionClient(legacy, false).await(CutText.class, ExtensionClient.skipped());
            assertEquals("Grüße, ??, ?\nzweite Zeile", latin1.text(), "one ? per character beyond Latin-1");

            assertTrue(source.client().silentFor(300), "the client that provided it is not sent it back");
        }
    }

    @Test
    void legacyTextReachesExtendedClientsAsUtf8() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                ExtensionClient.Closer closer = new ExtensionClient.Closer()) {
            ExtensionClient modern = closer.add(extended(fixture, ALL_ACTIONS, 0));
            RfbTestClient legacy = closer.add(fixture.connectReady());
            legacy.cutText("café\r\nbar".getBytes(StandardCharsets.ISO_8859_1));
            awaitClipboard(fixture, "café\nbar");
            assertFlags(NOTIFY | TEXT, modern.await(Clipboard.class, ExtensionClient.skipped()).flags());
            modern.clipboard(REQUEST | TEXT, new byte[0]);
            assertArrayEquals("café\r\nbar\0".getBytes(StandardCharsets.UTF_8),
                    modern.await(Clipboard.class, ExtensionClient.skipped()).providedText());
        }
    }

    @Test
    void peekAndRequestAnswerWhatTheServerHas() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = extended(fixture, ALL_ACTIONS, 0).client()) {
            ExtensionClient ext = new ExtensionClient(client, true);
            ext.clipboard(PEEK, new byte[0]);
            assertFlags(NOTIFY, ext.await(Clipboard.class, ExtensionClient.skipped()).flags());
            ext.clipboard(REQUEST | TEXT, new byte[0]);
            Clipboard nothing = ext.await(Clipboard.class, ExtensionClient.skipped());
            assertFlags(PROVIDE, nothing.flags());
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(nothing.data());
            assertEquals(0, inflater.inflate(new byte[16]), "a zlib stream of nothing");
            assertTrue(inflater.finished());
            fixture.desktop.offerClipboard("from the desktop");
            assertFlags(NOTIFY | TEXT, ext.await(Clipboard.class, ExtensionClient.skipped()).flags());
            ext.clipboard(PEEK, new byte[0]);
            assertFlags(NOTIFY | TEXT, ext.await(Clipboard.class, ExtensionClient.skipped()).flags());
        }
    }

    @Test
    void aClientsNotifyIsAnsweredWithARequestAndItsProvideBecomesTheClipboard() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = extended(fixture, ALL_ACTIONS, 0).client()) {
            ExtensionClient ext = new ExtensionClient(client, true);
            ext.clipboard(NOTIFY | TEXT, new byte[0]);
            assertFlags(REQUEST | TEXT, ext.await(Clipboard.class, ExtensionClient.skipped()).flags());
            ext.clipboard(NOTIFY | 2, new byte[0]);
            assertTrue(client.silentFor(200), "RTF alone is not asked for");
            ext.provide("asked for");
            awaitClipboard(fixture, "asked for");
            assertTrue(fixture.desktop.recentLog().contains("client #1 clipboard: 9 characters"),
                    String.valueOf(fixture.desktop.recentLog()));
        }
    }

    @Test
    void whatTheDesktopHoldsIsOfferedToExtendedNewcomersOnlyAndWithinTheirLimit() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                ExtensionClient.Closer closer = new ExtensionClient.Closer()) {
            fixture.desktop.offerClipboard(DemoDesktop.GREETING);
            ExtensionClient modern = closer.add(extended(fixture, ALL_ACTIONS, 0));
            assertFlags(NOTIFY | TEXT, modern.await(Clipboard.class, ExtensionClient.skipped()).flags());
            modern.clipboard(REQUEST | TEXT, new byte[0]);
            assertArrayEquals((DemoDesktop.GREETING + "\0").getBytes(StandardCharsets.UTF_8),
                    modern.await(Clipboard.class, ExtensionClient.skipped()).providedText());
            ExtensionClient small = closer.add(extended(fixture, ALL_ACTIONS, 5));
            assertTrue(small.client().silentFor(300), "text over the client's own limit is not offered");
            RfbTestClient legacy = closer.add(fixture.connectReady());
            assertTrue(legacy.silentFor(300), "a legacy client's clipboard is not overwritten as it connects");
            fixture.desktop.keyEvent(true, DemoDesktop.CLIPBOARD_KEYSYM);
            CutText fresh = new ExtensionClient(legacy, false).await(CutText.class, ExtensionClient.skipped());
            assertTrue(fresh.text().startsWith("Grüße aus dem Demo-Desktop, ?? ? ("), fresh.text());
        }
    }

    @Test
    void aZlibBombOrTextThatIsNotUtf8IsDroppedAndTheSessionGoesOn() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = extended(fixture, ALL_ACTIONS, 0).client()) {
            ExtensionClient ext = new ExtensionClient(client, true);
            fixture.desktop.offerClipboard("kept");
            ext.await(Clipboard.class, ExtensionClient.skipped());
            byte[] bomb = ExtensionClient.deflate(ExtensionClient.lengthPrefixed(new byte[64 << 20]));
            ext.clipboard(PROVIDE | TEXT, bomb);
            ext.clipboard(PROVIDE | TEXT, ExtensionClient.deflate(ExtensionClient.lengthPrefixed(
                    new byte[] {'a', (byte) 0xFF, 'b', 0})));
            client.type('x');
            client.requestFullUpdate(false);
            new ExtensionClient(client, true).await(ExtensionClient.Update.class, ExtensionClient.skipped());
            assertEquals("x", fixture.desktop.echoText(), "the session carried on");
            assertEquals("kept", fixture.desktop.clipboardText());
            assertTrue(fixture.desktop.recentLog().contains("client #1 clipboard dropped: clipboard text of 67108864 "
                    + "bytes is over the limit of 262144 bytes"), String.valueOf(fixture.desktop.recentLog()));
            assertTrue(fixture.desktop.recentLog().contains("client #1 clipboard dropped: clipboard text is not UTF-8"),
                    String.valueOf(fixture.desktop.recentLog()));
        }
    }

    @Test
    void anExtendedMessageOverTheLimitIsSkippedUnread() throws Exception {
        ServerOptions options = ServerFixture.options().withMaxCutText(1000);
        try (ServerFixture fixture = ServerFixture.start(options);
                RfbTestClient client = extended(fixture, ALL_ACTIONS, 0).client()) {
            new ExtensionClient(client, true).clipboard(PROVIDE | TEXT, new byte[3000]);
            client.type('y');
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!fixture.desktop.echoText().equals("y") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals("y", fixture.desktop.echoText(), "the 3000 bytes were skipped, the key after them read");
            assertNull(fixture.desktop.clipboardText());
            assertTrue(fixture.desktop.recentLog().contains("client #1 clipboard of 3004 bytes skipped (too long)"),
                    String.valueOf(fixture.desktop.recentLog()));
        }
    }
}
