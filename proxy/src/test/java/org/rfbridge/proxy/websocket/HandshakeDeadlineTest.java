// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HandshakeDeadlineTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static EmbeddedChannel connection(HandshakeDeadline.Pending pending) {
        return new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                new HandshakeDeadline(TIMEOUT, pending));
    }

    private static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
        Object read;
        while ((read = channel.readInbound()) != null) {
            ReferenceCountUtil.release(read);
        }
    }

    private static void wait(EmbeddedChannel channel, long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void aClientTricklingItsRequestIsClosedAtTheDeadlineThoughNeverIdle() {
        EmbeddedChannel channel = connection(new HandshakeDeadline.Pending(10));
        String request = "GET /websockify HTTP/1.1\r\nHost: localhost\r\nX-Slow: yes\r\n";
        for (int i = 0; i < 3; i++) {
            send(channel, request.substring(i * 5, i * 5 + 5));
            wait(channel, 600);
            assertTrue(channel.isOpen(), "still within the deadline after " + (i + 1) * 600 + " ms");
        }
        send(channel, "x");
        wait(channel, 600);
        assertFalse(channel.isOpen(), "2.4 s of trickling, against a 2 s deadline");
        channel.finishAndReleaseAll();
    }

    @Test
    void eachWholeRequestOpensANewWindow() {
        EmbeddedChannel channel = connection(new HandshakeDeadline.Pending(10));
        wait(channel, 1500);
        send(channel, "GET /a.js HTTP/1.1\r\nHost: localhost\r\n\r\n");
        wait(channel, 1500);
        assertTrue(channel.isOpen(), "3 s open, but its request came in time");
        wait(channel, 600);
        assertFalse(channel.isOpen(), "no next request within 2 s");
        channel.finishAndReleaseAll();
    }

    @Test
    void onlySoManyConnectionsMayWaitAndClosingOneFreesItsPlace() {
        HandshakeDeadline.Pending pending = new HandshakeDeadline.Pending(2);
        EmbeddedChannel first = connection(pending);
        EmbeddedChannel second = connection(pending);
        EmbeddedChannel third = connection(pending);
        assertTrue(first.isOpen() && second.isOpen());
        assertFalse(third.isOpen(), "over the cap");
        assertEquals(2, pending.count());
        first.close();
        assertEquals(1, pending.count());
        EmbeddedChannel fourth = connection(pending);
        assertTrue(fourth.isOpen());
        fourth.pipeline().remove(HandshakeDeadline.class);
        assertEquals(1, pending.count(), "a connection that became a session no longer counts");
        wait(fourth, 5000);
        assertTrue(fourth.isOpen(), "and its deadline is gone");
        for (EmbeddedChannel channel : new EmbeddedChannel[] {first, second, third, fourth}) {
            channel.finishAndReleaseAll();
        }
    }
}
