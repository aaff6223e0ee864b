// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.target;

import java.util.Optional;

/**
 * Maps a WebSocket request to the VNC server it may reach. Implementations must be thread-safe: the
 * proxy calls {@link #resolve(String)} on its event loops, so it must not block.
 */
public interface TargetResolver extends AutoCloseable {

    /**
     * Returns the target for a request carrying {@code token} ({@code null} when the request has none),
     * or empty when the request must be refused.
     */
    Optional<HostAndPort> resolve(String token);

    /** A short description of the configured targets for the start-up log. */
    String describe();

    @Override
    default void close() {
    }
}
