// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import org.rfbridge.proxy.target.HostAndPort;

/** Opens the VNC side of a session. */
public interface BackendConnector {

    /**
     * Connects to {@code target} with {@code handler} as the new channel's pipeline. Called on the frontend's
     * event loop; the new channel must use that same loop, which is what lets a session's handlers share
     * state without locks.
     */
    ChannelFuture connect(Channel frontend, HostAndPort target, ChannelHandler handler);
}
