// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.rfb.it.RealServers.PATTERN_BACKGROUND;
import static org.rfbridge.rfb.it.RealServers.PATTERN_FOREGROUND;
import static org.rfbridge.rfb.it.RealServers.WAIT;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.protocol.PointerButtons;
import org.rfbridge.rfb.protocol.ProtocolVersion;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.testharness.XDisplay;
import org.rfbridge.testharness.XEventObserver;
import org.rfbridge.testharness.XInput;
import org.rfbridge.testharness.VncServer;

/**
 * What the library must do with every VNC server that exports an X display: both handshakes, the server's reason
 * on a wrong password, a snapshot equal to {@code xwd}, and pointer and keys arriving as X events. Subclasses start
 * the servers once per class and say which offers what.
 */
@Timeout(60)
abstract class XServerContract {
    @TempDir
    Path tempDir;

    /**
     * What a subclass started in its {@code @BeforeAll}: a server offering security type None (or its Tight
     * equivalent, see {@link #noneType()}), one requiring VNC authentication with {@link VncServer#password()} (may be
     * the same server), the display the open one exports (snapshots and input are checked there), and the desktop
     * name it announces.
     */
    record ServersUnderTest(VncServer open, VncServer locked, XDisplay openDisplay, String desktopName) {
    }

    abstract ServersUnderTest servers();

    /** Whether xdotool can query this X server (it crashes on Xtightvnc's). */
    boolean xdotoolWorks() {
        return true;
    }

    /** The security type that means "no authentication" on this server. */
    int noneType() {
        return SecurityTypes.NONE;
    }

    /** The security type that carries VNC authentication on this server. */
    int vncAuthType() {
        return SecurityTypes.VNC_AUTH;
    }

    @Test
    void handshakeWithoutAuthentication() throws Exception {
        SessionInfo info = RealServers.handshake(servers().open(), noneType(), null);
        assertEquals(ProtocolVersion.V3_8, info.version());
        assertTrue(info.offeredSecurityTypes().contains(noneType()), "offered " + info.offeredSecurityTypes());
        int[] size = servers().openDisplay().size();
        assertEquals(size[0], info.width());
        assertEquals(size[1], info.height());
        assertTrue(info.name().contains(servers().desktopName()), "desktop name " + info.name());
        assertTrue(info.serverPixelFormat().trueColour(), "server pixel format " + info.serverPixelFormat());
    }

    @Test
    void handshakeWithVncAuthentication() throws Exception {
        VncServer server = servers().locked();
        SessionInfo info = RealServers.handshake(server, vncAuthType(), server.password());
        assertTrue(info.offeredSecurityTypes().contains(vncAuthType()), "offered " + info.offeredSecurityTypes());
        assertTrue(info.width() > 0 && info.height() > 0);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorWithTheServersReason() {
        RfbAuthenticationException e = RealServers.wrongPassword(servers().locked(), vncAuthType());
        String reason = expectedFailureReason();
        if (reason != null) {
            RealServers.assertDescribed(e, reason);
        }
    }

    /** Part of the reason the server sends after a wrong password, or null if it sends none (RFB 3.3-style). */
    abstract String expectedFailureReason();

    @Test
    void aSnapshotEqualsTheServersOwnScreenGrabAndFollowsChanges() throws Exception {
        XDisplay x = servers().openDisplay();
        x.setRootPattern(PATTERN_FOREGROUND, PATTERN_BACKGROUND);
        try (RfbClient client = RealServers.connect(servers().open().tcpTarget(),
                RealServers.options(noneType(), null))) {
            RealServers.awaitSameScreen(client, x::grab, 0, getClass().getSimpleName() + "-first");
            x.setRootPattern(PATTERN_BACKGROUND, PATTERN_FOREGROUND);
            RealServers.awaitSameScreen(client, x::grab, 0, getClass().getSimpleName() + "-changed");
        }
    }

    @Test
    void pointerMovesAndClicksReachTheXServer() throws Exception {
        XDisplay x = servers().openDisplay();
        try (XEventObserver events = x.observeEvents(tempDir);
             RfbClient client = RealServers.connect(servers().open().tcpTarget(), RealServers.options(noneType(), null))) {
            client.awaitConnected(WAIT);
            client.sendPointer(123, 45, 0);
            events.awaitMotionTo(123, 45, WAIT);
            client.sendPointer(123, 45, PointerButtons.LEFT);
            client.sendPointer(123, 45, 0);
            events.awaitButtonPress(1, WAIT);
            events.awaitButtonRelease(1, WAIT);
            client.sendPointer(200, 150, PointerButtons.RIGHT);
            client.sendPointer(200, 150, 0);
            XEventObserver.XEvent right = events.awaitButtonPress(3, WAIT);
            assertEquals(200, right.rootX());
            assertEquals(150, right.rootY());
            client.sendPointer(200, 150, PointerButtons.WHEEL_DOWN);
            client.sendPointer(200, 150, 0);
            events.awaitButtonPress(5, WAIT);
            if (xdotoolWorks()) {
                assertEquals(new XInput.Point(200, 150), x.input().pointerPosition());
            }
        }
    }

    @Test
    void typedKeysReachTheXServer() throws Exception {
        XDisplay x = servers().openDisplay();
        try (XEventObserver events = x.observeEvents(tempDir);
             RfbClient client = RealServers.connect(servers().open().tcpTarget(), RealServers.options(noneType(), null))) {
            client.awaitConnected(WAIT);
            client.sendPointer(7, 7, 0); // keys go to the window under the pointer: keep it on the root
            events.awaitMotionTo(7, 7, WAIT);
            client.typeText("aZ5\n");
            List<String> expected = List.of("a", "Z", "5", "Return");
            long deadline = System.nanoTime() + WAIT.toNanos();
            List<String> typed = RealServers.withoutModifiers(events.keysPressed());
            while (!typed.equals(expected) && System.nanoTime() < deadline) {
                events.wakeServer();
                Thread.sleep(50);
                typed = RealServers.withoutModifiers(events.keysPressed());
            }
            assertEquals(expected, typed, "keys the X server delivered (modifiers left out); all: "
                    + events.keysPressed());
        }
    }
}
