// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.auth.VncAuthenticator;
import org.rfbridge.rfb.security.SecurityTypes;

/** Clients that never finish their handshake, or guess passwords, cannot lock others out. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LockoutTest {

    @Test
    void aClientTricklingItsHandshakeIsCutOffAtTheDeadline() throws Exception {
        ServerOptions options = ServerFixture.options().withHandshakeTimeout(Duration.ofMillis(1000));
        try (ServerFixture fixture = ServerFixture.start(options);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), fixture.server.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            in.readNBytes(12); // the server's banner
            OutputStream out = socket.getOutputStream();
            byte[] banner = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            // A byte every 300 ms never lets the 1 s read timeout expire.
            for (int i = 0; i < banner.length - 1 && System.nanoTime() - start < 5_000_000_000L; i++) {
                try {
                    out.write(banner[i]);
                    out.flush();
                } catch (java.io.IOException closed) {
                    break;
                }
                Thread.sleep(300);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            fixture.awaitSessions(0);
            assertTrue(seconds < 2.5, "cut off after " + seconds + " s, against a 1 s deadline");
        }
    }

    @Test
    void failedPasswordsBlockTheAddressForAWhile() {
        AtomicLong now = new AtomicLong();
        LoginThrottle throttle = new LoginThrottle(now::get);
        InetAddress guesser = InetAddress.getLoopbackAddress();
        for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
            throttle.failed(guesser);
            assertEquals(0, throttle.secondsBlocked(guesser), "failure " + (i + 1) + " is free");
        }
        throttle.failed(guesser);
        assertEquals(LoginThrottle.FIRST_BLOCK_SECONDS, throttle.secondsBlocked(guesser));
        now.addAndGet(TimeUnit.SECONDS.toNanos(LoginThrottle.FIRST_BLOCK_SECONDS));
        assertEquals(0, throttle.secondsBlocked(guesser));
        throttle.failed(guesser);
        assertEquals(2 * LoginThrottle.FIRST_BLOCK_SECONDS, throttle.secondsBlocked(guesser), "each block doubles");
        throttle.succeeded(guesser);
        assertEquals(0, throttle.secondsBlocked(guesser));
    }

    @Test
    void aBlockedAddressIsRefusedBeforeItCanGuessAgain() throws Exception {
        ServerOptions options = ServerFixture.options().withAuthenticator(VncAuthenticator.forPassword("right"));
        try (ServerFixture fixture = ServerFixture.start(options)) {
            for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
                try (RfbTestClient client = fixture.connect()) {
                    client.readBanner();
                    client.sendVersion("003.008");
                    client.readBytes(2);
                    client.send(new byte[] {SecurityTypes.VNC_AUTH});
                    byte[] challenge = client.readBytes(16);
                    client.send(RfbTestClient.vncResponse("wrong".getBytes(StandardCharsets.US_ASCII), challenge));
                    assertEquals(SecurityResult.FAILED, client.in().readInt());
                }
            }
            try (RfbTestClient client = fixture.connect()) {
                client.readBanner();
                client.sendVersion("003.008");
                assertEquals(0, client.in().readUnsignedByte(), "no security types: refused");
                int length = client.in().readInt();
                String reason = new String(client.readBytes(length), StandardCharsets.UTF_8);
                assertTrue(reason.startsWith("too many failed logins from this address"), reason);
            }
        }
    }
}
