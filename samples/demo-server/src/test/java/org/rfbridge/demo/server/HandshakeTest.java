// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rfbridge.demo.auth.VncAuthenticator;
import org.rfbridge.rfb.security.SecurityTypes;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HandshakeTest {

    private static final byte[] PASSWORD = "secret".getBytes(StandardCharsets.US_ASCII);

    /** ServerInit for the 640x480 fixture desktop named "test desktop", byte for byte. */
    private static final byte[] SERVER_INIT = HexFormat.of().parseHex(
            "028001e0"                  // framebuffer-width 640, framebuffer-height 480
            + "20180001"                // bits-per-pixel 32, depth 24, little-endian, true colour
            + "00ff00ff00ff"            // red-max, green-max, blue-max 255
            + "100800"                  // red-shift 16, green-shift 8, blue-shift 0
            + "000000"                  // padding
            + "0000000c"                // name-length 12
            + HexFormat.of().formatHex("test desktop".getBytes(StandardCharsets.US_ASCII)));

    private static ServerOptions options(String announced, boolean password) {
        ServerOptions options = ServerFixture.options().withVersion(RfbVersion.fromLabel(announced));
        return password ? options.withAuthenticator(VncAuthenticator.forPassword(new String(PASSWORD, StandardCharsets.US_ASCII))) : options;
    }

    @ParameterizedTest(name = "server {0}, client answers {1}, password {2}")
    @CsvSource({
        "3.8, 003.008, false", "3.8, 003.008, true",
        "3.7, 003.007, false", "3.7, 003.007, true",
        "3.3, 003.003, false", "3.3, 003.003, true",
        "3.8, 003.007, false", "3.8, 003.003, true",
        "3.7, 003.003, false", "3.8, 003.005, true",
        "3.8, 003.889, true",
    })
    void handshakeSucceedsWithExactServerInit(String announced, String answer, boolean password) throws Exception {
        try (ServerFixture fixture = ServerFixture.start(options(announced, password));
             RfbTestClient client = fixture.connect()) {
            String banner = client.readBanner();
            assertEquals("RFB 003.00" + announced.charAt(2) + "\n", banner);
            client.sendVersion(answer);
            RfbVersion version = RfbVersion.fromClientBanner(("RFB " + answer + "\n").getBytes(StandardCharsets.US_ASCII));
            int type = password ? SecurityTypes.VNC_AUTH : SecurityTypes.NONE;
            if (version == RfbVersion.V3_3) {
                assertArrayEquals(new byte[] {0, 0, 0, (byte) type}, client.readBytes(4));
            } else {
                assertArrayEquals(new byte[] {1, (byte) type}, client.readBytes(2));
                client.send(new byte[] {(byte) type});
            }
            if (password) {
                byte[] challenge = client.readBytes(16);
                client.send(RfbTestClient.vncResponse(PASSWORD, challenge));
                assertArrayEquals(new byte[4], client.readBytes(4), "SecurityResult OK");
            } else if (version == RfbVersion.V3_8) {
                assertArrayEquals(new byte[4], client.readBytes(4), "3.8 sends SecurityResult for None");
            }
            client.send(new byte[] {1});
            assertArrayEquals(SERVER_INIT, client.readServerInit());
            assertTrue(client.silentFor(200), "nothing else is sent before a request");
        }
    }

    @ParameterizedTest(name = "RFB {0}")
    @CsvSource({"3.8", "3.7", "3.3"})
    void wrongPasswordIsRefusedAndClosed(String label) throws Exception {
        try (ServerFixture fixture = ServerFixture.start(options(label, true));
             RfbTestClient client = fixture.connect()) {
            client.readBanner();
            client.sendVersion("003.00" + label.charAt(2));
            if (label.equals("3.3")) {
                assertEquals(SecurityTypes.VNC_AUTH, client.in().readInt());
            } else {
                client.readBytes(2);
                client.send(new byte[] {SecurityTypes.VNC_AUTH});
            }
            byte[] challenge = client.readBytes(16);
            client.send(RfbTestClient.vncResponse("wrong".getBytes(StandardCharsets.US_ASCII), challenge));
            assertEquals(SecurityResult.FAILED, client.in().readInt());
            if (label.equals("3.8")) {
                int length = client.in().readInt();
                assertEquals("authentication failed: wrong password",
                        new String(client.readBytes(length), StandardCharsets.UTF_8));
            }
            assertTrue(client.closedWithin(2000), "closed after the failure");
        }
    }

    @Test
    void passwordIsTruncatedToEightBytes() throws Exception {
        ServerOptions options = ServerFixture.options()
                .withAuthenticator(VncAuthenticator.forPassword("password123"));
        try (ServerFixture fixture = ServerFixture.start(options);
             RfbTestClient client = fixture.connect()) {
            client.handshake("003.008", "password".getBytes(StandardCharsets.US_ASCII));
            assertEquals(640, client.width());
        }
    }

    @Test
    void higherVersionThanOfferedIsRefused() throws Exception {
        try (ServerFixture fixture = ServerFixture.start(options("3.3", false));
             RfbTestClient client = fixture.connect()) {
            client.readBanner();
            client.sendVersion("003.008");
            assertTrue(client.closedWithin(2000));
        }
    }

    @Test
    void malformedVersionIsRefused() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
             RfbTestClient client = fixture.connect()) {
            client.readBanner();
            client.send("GET / HTTP/1.".getBytes(StandardCharsets.US_ASCII));
            assertTrue(client.closedWithin(2000));
        }
    }

    @Test
    void securityTypeNotOfferedGetsReasonIn38() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
             RfbTestClient client = fixture.connect()) {
            client.readBanner();
            client.sendVersion("003.008");
            assertArrayEquals(new byte[] {1, SecurityTypes.NONE}, client.readBytes(2));
            client.send(new byte[] {SecurityTypes.VNC_AUTH});
            assertEquals(SecurityResult.FAILED, client.in().readInt());
            int length = client.in().readInt();
            assertEquals("security type 2 was not offered", new String(client.readBytes(length), StandardCharsets.UTF_8));
            assertTrue(client.closedWithin(2000));
        }
    }

    @Test
    void silentClientIsDroppedAfterHandshakeTimeout() throws Exception {
        ServerOptions options = ServerFixture.options().withHandshakeTimeout(Duration.ofMillis(300));
        try (ServerFixture fixture = ServerFixture.start(options);
             RfbTestClient client = fixture.connect()) {
            client.readBanner();
            assertTrue(client.closedWithin(3000), "closed by the handshake timeout");
            fixture.awaitSessions(0);
        }
    }

    @Test
    void clientInitIsAnsweredAfterPartialWrites() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
             RfbTestClient client = fixture.connect()) {
            client.readBanner();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            data.write("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            for (byte b : bytes.toByteArray()) {
                client.send(new byte[] {b});
                Thread.sleep(2);
            }
            assertArrayEquals(new byte[] {1, SecurityTypes.NONE}, client.readBytes(2));
            client.send(new byte[] {SecurityTypes.NONE});
            assertArrayEquals(new byte[4], client.readBytes(4));
            client.send(new byte[] {0});
            assertArrayEquals(SERVER_INIT, client.readServerInit());
        }
    }
}
