// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.auth.VncAuthenticator;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.PixelFormat;

/** A client whose every message arrives one byte per TCP segment is served exactly like any other. */
@Timeout(20)
class SlowClientTest {

    @Test
    void everyMessageSentOneByteAtATimeWorks() throws Exception {
        ServerOptions options = ServerFixture.options().withAuthenticator(VncAuthenticator.forPassword("secret"));
        try (ServerFixture fixture = ServerFixture.start(options);
                RfbTestClient client = fixture.connect()) {
            client.sendOneByteAtATime();
            client.handshake("003.008", "secret".getBytes(StandardCharsets.US_ASCII));
            PixelFormat rgb565BigEndian = PixelFormat.trueColour(16, 16, true, 31, 63, 31, 11, 5, 0);
            client.setPixelFormat(rgb565BigEndian);
            client.setEncodings(Encodings.RAW, Encodings.COPY_RECT, Encodings.DESKTOP_SIZE);
            client.pointer(0, 12, 34);
            client.cutText("clip".getBytes(StandardCharsets.ISO_8859_1));
            // Last: the server handles messages in order, so once 'Z' shows all the others were handled.
            client.type('Z');
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!fixture.desktop.echoText().equals("Z") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("Z", fixture.desktop.echoText());
            client.requestFullUpdate(false);
            client.readUpdate();
            int[] server = fixture.desktop.snapshot();
            int[] expected = new int[server.length];
            byte[] wire = new byte[2];
            for (int i = 0; i < server.length; i++) {
                rgb565BigEndian.fromArgb(server[i], wire, 0);
                expected[i] = rgb565BigEndian.toArgb(wire, 0) & 0xFFFFFF;
            }
            assertArrayEquals(expected, client.framebuffer());
        }
    }
}
