// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class KeepaliveHandlerTest {

    private final List<Object> events = new ArrayList<>();

    private EmbeddedChannel channelWithKeepalive(Duration interval) {
        EmbeddedChannel channel = new EmbeddedChannel();
        channel.pipeline().addLast("relay", new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                events.add(evt);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                ReferenceCountUtil.release(msg);
            }
        });
        KeepaliveHandler.install(channel.pipeline(), "relay", interval);
        return channel;
    }

    private static void waitAndRun(EmbeddedChannel channel, long millis) throws InterruptedException {
        Thread.sleep(millis);
        channel.runPendingTasks();
        channel.runScheduledPendingTasks();
    }

    @Test
    void pingsASilentBrowserAndGivesUpAfterTwoUnansweredPings() throws Exception {
        EmbeddedChannel channel = channelWithKeepalive(Duration.ofMillis(50));
        waitAndRun(channel, 80);
        PingWebSocketFrame first = channel.readOutbound();
        assertInstanceOf(PingWebSocketFrame.class, first);
        first.release();
        waitAndRun(channel, 80);
        ReferenceCountUtil.release(channel.readOutbound());
        assertEquals(List.of(), events);
        waitAndRun(channel, 80);
        assertEquals(1, events.size());
        assertInstanceOf(KeepaliveHandler.Timeout.class, events.get(0));
        channel.finishAndReleaseAll();
    }

    @Test
    void anAnsweredPingResetsTheCount() throws Exception {
        EmbeddedChannel channel = channelWithKeepalive(Duration.ofMillis(50));
        for (int i = 0; i < 4; i++) {
            waitAndRun(channel, 80);
            ReferenceCountUtil.release(channel.readOutbound());
            channel.writeInbound(new PongWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
        }
        assertEquals(List.of(), events);
        assertNull(channel.readInbound());
        channel.finishAndReleaseAll();
    }

    @Test
    void aBrowserWhoseReadingIsPausedForBackpressureIsNotDropped() throws Exception {
        EmbeddedChannel channel = channelWithKeepalive(Duration.ofMillis(50));
        channel.config().setAutoRead(false);
        for (int i = 0; i < 4; i++) {
            waitAndRun(channel, 80);
        }
        assertEquals(List.of(), events, "no timeout while the proxy itself is not reading");
        assertNull(channel.readOutbound(), "and no ping it could not read the answer to");
        channel.config().setAutoRead(true);
        waitAndRun(channel, 80);
        PingWebSocketFrame ping = channel.readOutbound();
        assertInstanceOf(PingWebSocketFrame.class, ping, "pinging resumes with reading");
        ping.release();
        channel.finishAndReleaseAll();
    }
}
