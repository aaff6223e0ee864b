// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.proxy.support.RawWebSocket;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;
import org.rfbridge.testharness.XvncServer;

/** A real VNC server (TigerVNC's Xvnc) behind the proxy: the RFB handshake goes through unchanged. */
@Timeout(60)
class XvncInteropIT {

    @TempDir
    Path tempDir;

    @Test
    void aWebSocketClientCompletesANoneSecurityHandshakeWithXvnc() throws Exception {
        try (XvncServer server = XvncServer.builder().geometry(800, 600).desktopName("rfbridge-interop")
                .start(tempDir)) {
            int rfbPort = server.rfbPort();
            try (ProxyServer proxy = ProxyServer.start(ProxyConfig.builder(
                            new FixedTargetResolver(HostAndPort.parse("127.0.0.1:" + rfbPort)))
                    .listen(new InetSocketAddress("127.0.0.1", 0)).build());
                 RawWebSocket client = RawWebSocket.connect(proxy.localAddress().getPort(), "/websockify",
                         java.util.Map.of("Sec-WebSocket-Protocol", "binary"))) {
                assertEquals(101, client.handshake().status());
                assertEquals("RFB 003.008\n", new String(client.readBinary(12), StandardCharsets.US_ASCII));
                client.sendBinary("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));

                int typeCount = client.readBinary(1)[0] & 0xFF;
                assertTrue(typeCount > 0, "Xvnc offered no security type");
                byte[] types = client.readBinary(typeCount);
                assertArrayEquals(new byte[] {1}, types, "Xvnc started with -SecurityTypes None offers only None");
                client.sendBinary(new byte[] {1});
                assertArrayEquals(new byte[] {0, 0, 0, 0}, client.readBinary(4), "SecurityResult OK");

                client.sendBinary(new byte[] {1}); // ClientInit: shared
                DataInputStream init = new DataInputStream(new ByteArrayInputStream(client.readBinary(24)));
                assertEquals(800, init.readUnsignedShort());
                assertEquals(600, init.readUnsignedShort());
                init.skipBytes(16); // pixel format
                int nameLength = init.readInt();
                String name = new String(client.readBinary(nameLength), StandardCharsets.UTF_8);
                assertTrue(name.contains("rfbridge-interop"), name);
            }
        }
    }
}
