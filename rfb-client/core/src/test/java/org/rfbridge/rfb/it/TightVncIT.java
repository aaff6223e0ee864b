// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.testharness.TightVncServer;

/**
 * TightVNC 1.3.10's Xtightvnc: one server without a password, one with. Both offer TightVNC's own security type
 * (16) beside the standard one, and the library must speak it, with None or VNC authentication inside.
 */
class TightVncIT extends XServerContract {
    private static final String NAME = "rfbridge-tight-it";

    @TempDir
    static Path serverDir;

    private static TightVncServer open;
    private static TightVncServer locked;

    @BeforeAll
    static void startServers() throws Exception {
        open = TightVncServer.builder().geometry(640, 480).desktopName(NAME).start(serverDir);
        locked = TightVncServer.builder().geometry(320, 240).desktopName(NAME + "-pw").password("tight-pw")
                .start(serverDir);
    }

    @AfterAll
    static void stopServers() throws Exception {
        RealServers.closeAll(open, locked);
    }

    @Override
    ServersUnderTest servers() {
        return new ServersUnderTest(open, locked, open.x(), NAME);
    }

    @Override
    boolean xdotoolWorks() {
        return false;
    }

    @Override
    String expectedFailureReason() {
        return "Authentication failed";
    }

    @Test
    void bothServersOfferTheTightSecurityType() throws Exception {
        SessionInfo none = RealServers.handshake(open, SecurityTypes.TIGHT, null);
        assertTrue(none.offeredSecurityTypes().containsAll(List.of(SecurityTypes.TIGHT, SecurityTypes.NONE)),
                "offered " + none.offeredSecurityTypes());
        SessionInfo auth = RealServers.handshake(locked, SecurityTypes.TIGHT, locked.password());
        assertTrue(auth.offeredSecurityTypes().containsAll(List.of(SecurityTypes.TIGHT, SecurityTypes.VNC_AUTH)),
                "offered " + auth.offeredSecurityTypes());
        assertEquals(320, auth.width());
        assertEquals(240, auth.height());
    }

    @Test
    void aWrongPasswordThroughTightSecurityIsAnAuthenticationError() {
        RfbAuthenticationException e = RealServers.wrongPassword(locked, SecurityTypes.TIGHT);
        RealServers.assertDescribed(e, "Authentication failed");
    }

    @Test
    void theDefaultChoiceFollowsTheServersOrder() throws Exception {
        try (RfbClient client = RealServers.connect(locked.tcpTarget(), ClientOptions.builder()
                .password(locked.password()).build())) {
            SessionInfo info = client.awaitConnected(RealServers.WAIT);
            assertEquals(info.offeredSecurityTypes().get(0).intValue(), info.securityType(),
                    "the first offered type the library supports; offered " + info.offeredSecurityTypes());
        }
    }
}
