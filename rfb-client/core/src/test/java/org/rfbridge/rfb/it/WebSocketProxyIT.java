// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.rfb.it.RealServers.PATTERN_BACKGROUND;
import static org.rfbridge.rfb.it.RealServers.PATTERN_FOREGROUND;
import static org.rfbridge.rfb.it.RealServers.WAIT;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.proxy.ProxyServer;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.testharness.ArgbImage;
import org.rfbridge.testharness.XvncServer;

/** The same Xvnc over TCP and through rfbridge's proxy (in-process) over WebSocket: the same pixels either way. */
@Timeout(60)
class WebSocketProxyIT {
    @TempDir
    static Path serverDir;

    private static XvncServer xvnc;
    private static ProxyServer proxy;

    @BeforeAll
    static void start() throws Exception {
        xvnc = XvncServer.builder().geometry(640, 480).desktopName("rfbridge-ws-it").password("ws-pw").alsoNone()
                .start(serverDir);
        xvnc.x().setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        proxy = RealServers.proxyTo(xvnc);
    }

    @AfterAll
    static void stop() throws Exception {
        RealServers.closeAll(proxy, xvnc);
    }

    private static String webSocketUrl() {
        return "ws://127.0.0.1:" + proxy.localAddress().getPort() + "/websockify";
    }

    private static ArgbImage snapshot(String target, ClientOptions options) throws Exception {
        try (RfbClient client = RealServers.connect(target, options)) {
            return RealServers.awaitSameScreen(client, xvnc.x()::grab, 0, "ws-" + target.replace(':', '_'));
        }
    }

    @Test
    void theSnapshotThroughTheProxyEqualsTheOneOverTcp() throws Exception {
        ClientOptions options = RealServers.options(SecurityTypes.NONE, null);
        ArgbImage overTcp = snapshot(xvnc.tcpTarget(), options);
        ArgbImage overWebSocket = snapshot(webSocketUrl(), options);
        assertEquals(null, overTcp.describeDifference(overWebSocket, 0));
    }

    @Test
    void vncAuthenticationWorksThroughTheProxyWithTheBinarySubprotocol() throws Exception {
        ClientOptions options = ClientOptions.builder().securityTypes(List.of(SecurityTypes.VNC_AUTH))
                .password(xvnc.password()).webSocketSubprotocol("binary").autoAcknowledgeUpdates(true).build();
        try (RfbClient client = RealServers.connect(webSocketUrl(), options)) {
            SessionInfo info = client.awaitConnected(WAIT);
            assertEquals(SecurityTypes.VNC_AUTH, info.securityType());
            assertTrue(info.name().startsWith("rfbridge-ws-it"), info.name());
            RealServers.awaitSameScreen(client, xvnc.x()::grab, 0, "ws-auth");
        }
    }
}
