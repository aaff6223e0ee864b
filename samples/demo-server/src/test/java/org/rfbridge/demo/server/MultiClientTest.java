// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.demo.server.RfbTestClient.ReceivedRect;
import org.rfbridge.rfb.encoding.Encodings;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MultiClientTest {

    @Test
    void severalClientsShareTheDesktopEachWithItsOwnTracking() throws Exception {
        try (ServerFixture fixture = ServerFixture.start()) {
            List<RfbTestClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 6; i++) {
                    RfbTestClient client = fixture.connectReady();
                    if (i % 2 == 0) {
                        client.setEncodings(Encodings.COPY_RECT, Encodings.RAW);
                    }
                    client.requestFullUpdate(false);
                    client.readUpdate();
                    clients.add(client);
                }
                fixture.awaitSessions(6);
                // The first client types; the fourth only asks later, so its changes pile up meanwhile.
                clients.get(0).type('A');
                awaitEcho(fixture, "A");
                fixture.desktop.log("a line everyone scrolls");
                for (int i = 0; i < clients.size(); i++) {
                    if (i == 3) {
                        continue;
                    }
                    RfbTestClient client = clients.get(i);
                    client.requestFullUpdate(true);
                    List<ReceivedRect> rects = client.readUpdate();
                    boolean copied = rects.stream().anyMatch(r -> r.encoding() == Encodings.COPY_RECT);
                    assertEquals(i % 2 == 0, copied, "client " + i + " gets CopyRect only if it asked");
                }
                clients.get(1).type('B');
                awaitEcho(fixture, "AB");
                RfbTestClient late = clients.get(3);
                late.requestFullUpdate(true);
                late.readUpdate();
                assertArrayEquals(fixture.desktop.snapshot(), late.framebuffer(), "the late client caught up");
            } finally {
                for (RfbTestClient client : clients) {
                    client.close();
                }
            }
            fixture.awaitSessions(0);
        }
    }

    /** Keys go through another session's reader thread; wait (bounded) until the desktop has them. */
    private static void awaitEcho(ServerFixture fixture, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!fixture.desktop.echoText().equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(expected, fixture.desktop.echoText());
    }

    @Test
    void clientsConnectingAtOnceAreAllServed() throws Exception {
        try (ServerFixture fixture = ServerFixture.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    results.add(pool.submit(() -> {
                        try (RfbTestClient client = fixture.connectReady()) {
                            client.requestFullUpdate(false);
                            client.readUpdate();
                            return client.pixel(0, 0) == fixture.desktop.snapshot()[0];
                        }
                    }));
                }
                for (Future<Boolean> result : results) {
                    assertTrue(result.get(20, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(5, TimeUnit.SECONDS));
            }
            fixture.awaitSessions(0);
        }
    }
}
