// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rfbridge.rfb.it.RealServers.WAIT;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.protocol.PointerButtons;
import org.rfbridge.rfb.protocol.ProtocolVersion;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.rfb.security.SecurityTypes;
import org.rfbridge.testharness.QemuVncServer;

/**
 * QEMU's built-in VNC server in front of a diskless VM (the remote-into-a-VM case): SeaBIOS's text screen, compared
 * with QEMU's own screendump up to the blinking cursor; keys and pointer checked where the VM's emulated keyboard
 * and mouse receive them (QEMU's trace log).
 */
@Timeout(60)
class QemuVncIT {
    @TempDir
    static Path serverDir;

    private static QemuVncServer open;
    private static QemuVncServer locked;

    @BeforeAll
    static void startServers() throws Exception {
        open = QemuVncServer.builder().start(serverDir);
        locked = QemuVncServer.builder().password("qemu-pw").start(serverDir);
        open.awaitStableScreen(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopServers() throws Exception {
        RealServers.closeAll(open, locked);
    }

    @Test
    void handshakeWithoutAuthentication() throws Exception {
        SessionInfo info = RealServers.handshake(open, SecurityTypes.NONE, null);
        assertEquals(ProtocolVersion.V3_8, info.version());
        assertEquals(List.of(SecurityTypes.NONE), info.offeredSecurityTypes());
        assertEquals(720, info.width());
        assertEquals(400, info.height());
        assertTrue(info.name().startsWith("QEMU"), "desktop name " + info.name());
    }

    @Test
    void handshakeWithVncAuthentication() throws Exception {
        SessionInfo info = RealServers.handshake(locked, SecurityTypes.VNC_AUTH, locked.password());
        assertEquals(List.of(SecurityTypes.VNC_AUTH), info.offeredSecurityTypes());
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorWithTheServersReason() {
        // QEMU's reason ends with a NUL byte on the wire, which the user must not see.
        assertEquals("Authentication failed", RealServers.wrongPassword(locked, SecurityTypes.VNC_AUTH).getMessage());
    }

    @Test
    void aSnapshotEqualsQemusScreendumpUpToTheBlinkingCursor() throws Exception {
        try (RfbClient client = RealServers.connect(open.tcpTarget(), RealServers.options(SecurityTypes.NONE, null))) {
            RealServers.awaitSameScreen(client, open::screendump, QemuVncServer.CURSOR_TOLERANCE_PIXELS, "qemu");
        }
    }

    @Test
    void typedKeysReachTheEmulatedKeyboard() throws Exception {
        try (RfbClient client = RealServers.connect(open.tcpTarget(), RealServers.options(SecurityTypes.NONE, null))) {
            client.awaitConnected(WAIT);
            int guestEventsBefore = open.guestKeyboardEvents().size();
            client.typeText("q");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(open.vncKeyEvents().stream().anyMatch(line -> line.contains("0x71"))
                    && open.guestKeyboardEvents().size() >= guestEventsBefore + 2)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no press and release of q (keysym 0x71) reached the VM; VNC: "
                            + open.vncKeyEvents() + ", PS/2: " + open.guestKeyboardEvents());
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * QEMU offers its extended key events; a key then goes with the scancode of the physical key, which is what
     * the guest gets whatever the keysym says (the keysym of "a" with the scancode of the key that is "b" on a US
     * layout arrives as that key), and the guest's lock lights come as LED state.
     */
    @Test
    void keysGoWithTheirScancodesAndTheGuestsLightsArrive() throws Exception {
        java.util.concurrent.BlockingQueue<Integer> leds = new java.util.concurrent.LinkedBlockingQueue<>();
        try (RfbClient client = RfbClient.connect(open.tcpTarget(), RealServers.options(SecurityTypes.NONE, null),
                new org.rfbridge.rfb.client.RfbClientListener() {
                    @Override
                    public void onLedState(int state) {
                        leds.add(state);
                    }
                })) {
            client.awaitFirstUpdate(WAIT);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!client.extendedKeyEvents() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(client.extendedKeyEvents(), "QEMU offered extended key events");
            client.sendKey(0x61, true, 0x30);
            client.sendKey(0x61, false, 0x30);
            while (open.traceLines("vnc_key_event_ext").stream().noneMatch(line -> line.contains("keycode 0x30"))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("QEMU got no extended key event with scancode 0x30: "
                            + open.traceLines("vnc_key_event_ext"));
                }
                Thread.sleep(20);
            }
            assertTrue(open.traceLines("vnc_key_event_ext").stream().allMatch(line -> line.endsWith("[b]")),
                    "QEMU took the key at the scancode's position: " + open.traceLines("vnc_key_event_ext"));
            // SeaBIOS with nothing to boot never changes its lights, so what can be checked is the state QEMU
            // reports on its own once the client announced the pseudo-encoding: all off.
            Integer state = leds.poll(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            assertEquals(0, state, "QEMU sent the guest's LED state");
        }
    }

    @Test
    void pointerMovesAndClicksReachTheVmsMouse() throws Exception {
        try (RfbClient client = RealServers.connect(open.tcpTarget(), RealServers.options(SecurityTypes.NONE, null))) {
            client.awaitConnected(WAIT);
            int before = open.pointerEvents().size();
            // QEMU's default PS/2 mouse is relative: the first position is the reference, later ones become deltas.
            client.sendPointer(100, 50, 0);
            client.sendPointer(100, 50, PointerButtons.LEFT);
            client.sendPointer(100, 50, 0);
            client.sendPointer(300, 200, PointerButtons.RIGHT);
            client.sendPointer(300, 200, 0);
            List<String> expected = List.of("button left, down 1", "button left, down 0", "axis x, value 200",
                    "axis y, value 150", "button right, down 1", "button right, down 0");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                List<String> events = open.pointerEvents();
                List<String> seen = events.subList(Math.min(before, events.size()), events.size());
                if (expected.stream().allMatch(e -> seen.stream().anyMatch(line -> line.endsWith(e)))) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("pointer events " + expected + " did not all reach the VM; seen: " + seen);
                }
                Thread.sleep(50);
            }
        }
    }
}
