// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RefusalHandlerTest {

    @Test
    void answersTheFirstRequestWithTheRefusalAndCloses() {
        EmbeddedChannel channel = new EmbeddedChannel(new RefusalHandler(HttpResponseStatus.TOO_MANY_REQUESTS,
                "too many new connections"));
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/websockify"));
        FullHttpResponse response = channel.readOutbound();
        assertEquals(429, response.status().code());
        assertEquals("too many new connections\n", response.content().toString(StandardCharsets.UTF_8));
        assertEquals("close", response.headers().get(HttpHeaderNames.CONNECTION));
        response.release();
        assertNull(channel.readInbound(), "the request goes no further");
        assertFalse(channel.isOpen());
        assertFalse(channel.finish());
    }
}
