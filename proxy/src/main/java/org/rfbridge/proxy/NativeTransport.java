// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The socket implementation: Linux epoll where its native library loads, Java NIO elsewhere. Epoll saves a
 * copy per read and wakes fewer threads, which matters at thousands of sessions.
 */
public enum NativeTransport {
    EPOLL(EpollServerSocketChannel.class, EpollSocketChannel.class),
    NIO(NioServerSocketChannel.class, NioSocketChannel.class);

    private final Class<? extends ServerSocketChannel> serverChannel;
    private final Class<? extends SocketChannel> clientChannel;

    NativeTransport(Class<? extends ServerSocketChannel> serverChannel,
                    Class<? extends SocketChannel> clientChannel) {
        this.serverChannel = serverChannel;
        this.clientChannel = clientChannel;
    }

    /** Epoll when available, unless the system property {@code rfbridge.transport=nio} asks otherwise. */
    public static NativeTransport best() {
        if ("nio".equalsIgnoreCase(System.getProperty("rfbridge.transport"))) {
            return NIO;
        }
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    public EventLoopGroup newEventLoopGroup(int threads) {
        IoHandlerFactory factory = this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    public Class<? extends ServerSocketChannel> serverChannel() {
        return serverChannel;
    }

    public Class<? extends SocketChannel> clientChannel() {
        return clientChannel;
    }
}
