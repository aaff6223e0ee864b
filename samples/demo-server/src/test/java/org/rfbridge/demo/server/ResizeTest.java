// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.demo.server.RfbTestClient.ReceivedRect;
import org.rfbridge.rfb.encoding.Encodings;

/** Desktop size changes as clients see them: DesktopSize for those that listed it, the door for the rest. */
@Timeout(20)
class ResizeTest {

    @Test
    void aClientThatListedDesktopSizeGetsTheNewSizeAloneThenTheWholeScreen() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = fixture.connectReady()) {
            client.setEncodings(Encodings.RAW, Encodings.COPY_RECT, Encodings.DESKTOP_SIZE);
            client.requestFullUpdate(false);
            client.readUpdate();
            fixture.desktop.resize(800, 600);
            client.requestFullUpdate(true);
            List<ReceivedRect> announce = client.readUpdate();
            assertEquals(List.of(new ReceivedRect(0, 0, 800, 600, Encodings.DESKTOP_SIZE, -1, -1)), announce);
            // A client may still ask for an area of its old size: the server clips it to the new screen.
            client.requestUpdate(true, 0, 0, 640, 480);
            client.readUpdate();
            client.requestFullUpdate(true);
            client.readUpdate();
            assertArrayEquals(fixture.desktop.snapshot(), client.framebuffer(), "client caught up at 800x600");
        }
    }

    @Test
    void aClientThatDidNotListDesktopSizeIsClosedAndOthersCarryOn() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient old = fixture.connectReady();
                RfbTestClient modern = fixture.connectReady()) {
            old.setEncodings(Encodings.RAW);
            modern.setEncodings(Encodings.RAW, Encodings.DESKTOP_SIZE);
            for (RfbTestClient c : List.of(old, modern)) {
                c.requestFullUpdate(false);
                c.readUpdate();
            }
            fixture.awaitSessions(2);
            fixture.desktop.resize(320, 240);
            old.requestFullUpdate(true);
            assertTrue(old.closedWithin(3000), "the client that cannot resize is closed");
            fixture.awaitSessions(1);
            modern.requestFullUpdate(true);
            assertEquals(Encodings.DESKTOP_SIZE, modern.readUpdate().get(0).encoding());
        }
    }

    @Test
    void f2StepsThroughTheResizeCycleAndBack() throws Exception {
        try (ServerFixture fixture = ServerFixture.start();
                RfbTestClient client = fixture.connectReady()) {
            client.setEncodings(Encodings.RAW, Encodings.DESKTOP_SIZE);
            client.requestFullUpdate(false);
            client.readUpdate();
            List<int[]> cycle = fixture.desktop.resizeCycle();
            assertEquals(List.of("640x480", "1280x720"), cycle.stream().map(s -> s[0] + "x" + s[1]).toList(),
                    "the 640x480 start size is not repeated");
            client.type(DemoDesktop.RESIZE_KEYSYM);
            client.requestFullUpdate(true);
            assertEquals(new Rect(0, 0, 1280, 720), sizeOf(client.readUpdate().get(0)));
            client.type(DemoDesktop.RESIZE_KEYSYM);
            client.requestFullUpdate(true);
            assertEquals(new Rect(0, 0, 640, 480), sizeOf(client.readUpdate().get(0)));
        }
    }

    private static Rect sizeOf(ReceivedRect r) {
        assertEquals(Encodings.DESKTOP_SIZE, r.encoding());
        return new Rect(r.x(), r.y(), r.width(), r.height());
    }
}
