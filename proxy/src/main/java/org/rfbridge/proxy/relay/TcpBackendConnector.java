// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import java.time.Duration;
import org.rfbridge.proxy.target.HostAndPort;

/** Connects over TCP on the frontend's event loop, with the proxy's socket options. */
public final class TcpBackendConnector implements BackendConnector {

    private final Bootstrap template;

    public TcpBackendConnector(Class<? extends SocketChannel> channelClass, Duration connectTimeout,
                               WriteBufferWaterMark waterMark) {
        this.template = new Bootstrap()
                .channel(channelClass)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark);
    }

    @Override
    public ChannelFuture connect(Channel frontend, HostAndPort target, ChannelHandler handler) {
        return template.clone()
                .group(frontend.eventLoop())
                .handler(handler)
                .connect(target.host(), target.port());
    }
}
