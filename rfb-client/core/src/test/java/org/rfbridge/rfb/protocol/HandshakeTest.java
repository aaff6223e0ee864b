// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.RfbConnectionRefusedException;
import org.rfbridge.rfb.RfbEndOfStreamException;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.RfbUnsupportedSecurityException;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.security.PasswordProvider;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.rfb.security.VncAuthSecurity;
import org.rfbridge.rfb.testing.Feeder;
import org.rfbridge.rfb.testing.ServerBytes;

/**
 * The handshake (RFC 6143 section 7.1 to 7.3) for every version and security type, byte by byte and in
 * chunks: exact bytes sent, and the typed error for each way it can fail.
 */
@Timeout(20)
class HandshakeTest {
    private static final byte[] CHALLENGE = HexFormat.of().parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f");

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static String banner(String version) {
        return hex(("RFB " + version + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static ConnectionOptions withPassword(String password) {
        return ConnectionOptions.builder().passwords(PasswordProvider.of(password)).build();
    }

    /** Sent bytes up to and including ClientInit (what follows is checked in ServerMessagesTest). */
    private static String handshakePart(Feeder.Result r, int length) {
        return hex(r.sent()).substring(0, Math.min(hex(r.sent()).length(), length * 2));
    }

    @ParameterizedTest(name = "server {0} -> {1}")
    @CsvSource({
        "003.003, 003.003", "003.005, 003.003", "003.007, 003.007", "003.008, 003.008",
        "003.889, 003.008", "004.000, 003.008", "004.001, 003.008",
    })
    void versionNegotiationTableWithSecurityNone(String announced, String spoken) {
        ServerBytes s = ServerBytes.create().banner(announced);
        String expected = banner(spoken);
        if (spoken.equals("003.003")) {
            s.u32(1); // the server imposes None; the client sends nothing back
        } else {
            s.u8(1).u8(1); // one type offered: None
            expected += "01";
            if (spoken.equals("003.008")) {
                s.u32(0); // SecurityResult only from 3.8 on when nothing was authenticated
            }
        }
        s.serverInit(2, 2, PixelFormat.RGB888, "v");
        expected += "01"; // ClientInit, shared
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.defaults(), s.toByteArray());
        assertNull(r.failure());
        assertEquals(expected, handshakePart(r, expected.length() / 2));
        assertEquals(List.of("handshake " + Integer.parseInt(spoken.substring(0, 3)) + "."
                + Integer.parseInt(spoken.substring(4)) + " 1 2x2 'v'"), r.events());
        SessionInfo info = r.connection().sessionInfo();
        assertEquals(announced, String.format("%03d.%03d", info.serverVersion().major(), info.serverVersion().minor()));
    }

    @ParameterizedTest(name = "RFB {0}")
    @CsvSource({"003.003", "003.007", "003.008"})
    void vncAuthenticationSendsTheDesResponse(String version) {
        ServerBytes s = ServerBytes.create().banner(version);
        String expected = banner(version);
        if (version.equals("003.003")) {
            s.u32(2);
        } else {
            s.u8(1).u8(2); // VNC Authentication offered
            expected += "02";
        }
        s.bytes(CHALLENGE).u32(0).serverInit(1, 1, PixelFormat.RGB888, "auth");
        expected += hex(VncAuthSecurity.response("sesame".toCharArray(), CHALLENGE)) + "01";
        Feeder.Result r = Feeder.runEveryWay(withPassword("sesame"), s.toByteArray());
        assertNull(r.failure());
        assertEquals(expected, handshakePart(r, expected.length() / 2));
        assertEquals(2, r.connection().sessionInfo().securityType());
    }

    @Test
    void preferredSecurityTypeIsChosenFromTheOffer() {
        byte[] server = ServerBytes.create().banner("003.008").u8(3).u8(18).u8(1).u8(2).bytes(CHALLENGE).u32(0)
                .serverInit(1, 1, PixelFormat.RGB888, "").toByteArray();
        ConnectionOptions prefersAuth = withPassword("pw").toBuilder().securityTypes(List.of(2, 1)).build();
        Feeder.Result r = Feeder.runEveryWay(prefersAuth, server);
        assertNull(r.failure());
        assertEquals(banner("003.008") + "02" + hex(VncAuthSecurity.response("pw".toCharArray(), CHALLENGE)) + "01",
                handshakePart(r, 12 + 1 + 16 + 1));
        assertEquals(List.of(18, 1, 2), r.connection().sessionInfo().offeredSecurityTypes());
    }

    @Test
    void sharedFlagCanBeCleared() {
        byte[] server = ServerBytes.create().handshake38None(1, 1, PixelFormat.RGB888, "").toByteArray();
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.builder().shared(false).build(), server);
        assertEquals(banner("003.008") + "01" + "00", handshakePart(r, 14));
    }

    @Test
    void wrongPasswordWithReasonIsAnAuthenticationError() {
        byte[] server = ServerBytes.create().banner("003.008").u8(1).u8(2).bytes(CHALLENGE).u32(1)
                .string("Authentication failure").toByteArray();
        Feeder.Result r = Feeder.runEveryWay(withPassword("wrong"), server);
        assertInstanceOf(RfbAuthenticationException.class, r.failure());
        assertEquals("Authentication failure", r.failure().getMessage());
    }

    @ParameterizedTest(name = "RFB {0}")
    @CsvSource({"003.003", "003.007"})
    void wrongPasswordBeforeThreeEightIsAnAuthenticationError(String version) {
        ServerBytes s = ServerBytes.create().banner(version);
        if (version.equals("003.003")) {
            s.u32(2);
        } else {
            s.u8(1).u8(2);
        }
        Feeder.Result r = Feeder.runEveryWay(withPassword("wrong"), s.bytes(CHALLENGE).u32(1).toByteArray());
        assertInstanceOf(RfbAuthenticationException.class, r.failure());
    }

    @Test
    void serverClosingInsteadOfSendingTheReasonIsAnAuthenticationError() throws Exception {
        byte[] server = ServerBytes.create().banner("003.008").u8(1).u8(2).bytes(CHALLENGE).u32(1).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(withPassword("wrong"), server);
        assertNull(r.failure());
        assertThrows(RfbAuthenticationException.class, r.connection()::endOfStream);
    }

    @Test
    void noPasswordAvailableIsAnAuthenticationError() {
        byte[] server = ServerBytes.create().banner("003.008").u8(1).u8(2).bytes(CHALLENGE).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.defaults(), server);
        assertInstanceOf(RfbAuthenticationException.class, r.failure());
    }

    @Test
    void refusalReasonIsShown() {
        byte[] v38 = ServerBytes.create().banner("003.008").u8(0).string("Too many security failures").toByteArray();
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.defaults(), v38);
        assertInstanceOf(RfbConnectionRefusedException.class, r.failure());
        assertEquals("Too many security failures", r.failure().getMessage());
        byte[] v33 = ServerBytes.create().banner("003.003").u32(0).string("go away").toByteArray();
        Feeder.Result r33 = Feeder.runEveryWay(ConnectionOptions.defaults(), v33);
        assertInstanceOf(RfbConnectionRefusedException.class, r33.failure());
        assertEquals("go away", r33.failure().getMessage());
    }

    @Test
    void unsupportedSecurityTypesAreListed() {
        byte[] server = ServerBytes.create().banner("003.008").u8(2).u8(18).u8(19).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.defaults(), server);
        assertInstanceOf(RfbUnsupportedSecurityException.class, r.failure());
        assertTrue(r.failure().getMessage().contains("TLS (18), VeNCrypt (19)"), r.failure().getMessage());
    }

    private static ServerBytes capability(ServerBytes s, int code, String vendor, String name) {
        return s.s32(code).ascii(vendor).ascii(name);
    }

    @Test
    void tightSecurityWithVncAuthInside() {
        ServerBytes s = ServerBytes.create().banner("003.008").u8(2).u8(16).u8(2);
        s.u32(1);
        capability(s, 0, "TGHT", "NOTUNNEL");
        s.u32(1);
        capability(s, 2, "STDV", "VNCAUTH_");
        s.bytes(CHALLENGE).u32(0).serverInit(3, 2, PixelFormat.RGB888, "tight");
        s.u16(1).u16(1).u16(2).u16(0); // server, client and encoding capability counts, padding
        capability(s, 1, "TGHT", "FTSCSRLY");
        capability(s, 2, "TGHT", "FTSFLSRQ");
        capability(s, 7, "TGHT", "TIGHT___");
        capability(s, -239, "TGHT", "RCHCURSR");
        s.bell();
        ConnectionOptions tightFirst = withPassword("sesame").toBuilder()
                .securityTypes(List.of(SecurityTypes.TIGHT, SecurityTypes.VNC_AUTH)).build();
        Feeder.Result r = Feeder.runEveryWay(tightFirst, s.toByteArray());
        assertNull(r.failure());
        String expected = banner("003.008") + "10" + "00000000" + "00000002"
                + hex(VncAuthSecurity.response("sesame".toCharArray(), CHALLENGE)) + "01";
        assertEquals(expected, handshakePart(r, expected.length() / 2));
        assertEquals(List.of("handshake 3.8 16 3x2 'tight'", "bell"), r.events());
    }

    @Test
    void tightSecurityWithNoneInsideAndNoTunnelsListed() {
        ServerBytes s = ServerBytes.create().banner("003.008").u8(1).u8(16);
        s.u32(0); // no tunnels: nothing to choose
        s.u32(2);
        capability(s, 1, "STDV", "NOAUTH__");
        capability(s, 2, "STDV", "VNCAUTH_");
        s.u32(0).serverInit(1, 1, PixelFormat.RGB888, "t").u16(0).u16(0).u16(0).u16(0).bell();
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.defaults(), s.toByteArray());
        assertNull(r.failure());
        assertEquals(banner("003.008") + "10" + "00000001" + "01", handshakePart(r, 12 + 1 + 4 + 1));
        assertEquals(List.of("handshake 3.8 16 1x1 't'", "bell"), r.events());
    }

    @Test
    void tightSecurityWithOnlyUnknownTunnelsFails() {
        ServerBytes s = ServerBytes.create().banner("003.008").u8(1).u8(16).u32(1);
        capability(s, 5, "SICR", "SCHANNEL");
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.defaults(), s.toByteArray());
        assertInstanceOf(RfbUnsupportedSecurityException.class, r.failure());
        assertTrue(r.failure().getMessage().contains("SICR/SCHANNEL (5)"), r.failure().getMessage());
    }

    @Test
    void badBannerIsQuoted() {
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.defaults(),
                "SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
        assertInstanceOf(RfbProtocolException.class, r.failure());
        assertTrue(r.failure().getMessage().contains("\"SSH-2.0-Open\""), r.failure().getMessage());
    }

    @Test
    void endOfStreamDuringTheHandshakeSaysWhere() {
        byte[] server = ServerBytes.create().banner("003.008").u8(1).u8(1).u32(0).u16(640).toByteArray();
        Feeder.Result r = Feeder.runEveryWay(ConnectionOptions.defaults(), server);
        RfbException e = assertThrows(RfbEndOfStreamException.class, r.connection()::endOfStream);
        assertTrue(e.getMessage().contains("waiting for ServerInit"), e.getMessage());
    }
}
