// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.rfbridge.demo.auth.VncAuthenticator;

/**
 * How the demo RFB server listens and what it allows.
 *
 * @param listen           address and port to accept on (port 0 picks a free one)
 * @param version          the protocol version announced; clients may answer with a lower one
 * @param authenticator    VNC Authentication with this password, or null for security type None
 * @param maxClients       sessions served at once; further connections are closed at once
 * @param maxCutText       the longest ClientCutText kept, in bytes; longer ones are skipped
 * @param handshakeTimeout how long a client may take for the whole handshake
 * @param remoteResize     whether clients may resize the desktop (SetDesktopSize); refused as prohibited if not
 */
public record ServerOptions(InetSocketAddress listen, RfbVersion version, VncAuthenticator authenticator,
                            int maxClients, int maxCutText, Duration handshakeTimeout, boolean remoteResize) {

    public static final int DEFAULT_MAX_CLIENTS = 64;
    /** As TigerVNC's viewer: a clipboard beyond 256 KiB is skipped rather than held. */
    public static final int DEFAULT_MAX_CUT_TEXT = 256 * 1024;
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    public ServerOptions {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, not " + maxClients);
        }
        if (maxCutText < 0) {
            throw new IllegalArgumentException("maxCutText must not be negative");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive");
        }
    }

    /** RFB 3.8, no password, the default limits, remote resizing allowed. */
    public static ServerOptions defaults(InetSocketAddress listen) {
        return new ServerOptions(listen, RfbVersion.V3_8, null, DEFAULT_MAX_CLIENTS, DEFAULT_MAX_CUT_TEXT,
                DEFAULT_HANDSHAKE_TIMEOUT, true);
    }

    public ServerOptions withVersion(RfbVersion newVersion) {
        return new ServerOptions(listen, newVersion, authenticator, maxClients, maxCutText,
                handshakeTimeout, remoteResize);
    }

    public ServerOptions withAuthenticator(VncAuthenticator newAuthenticator) {
        return new ServerOptions(listen, version, newAuthenticator, maxClients, maxCutText,
                handshakeTimeout, remoteResize);
    }

    public ServerOptions withMaxClients(int newMaxClients) {
        return new ServerOptions(listen, version, authenticator, newMaxClients, maxCutText,
                handshakeTimeout, remoteResize);
    }

    public ServerOptions withMaxCutText(int newMaxCutText) {
        return new ServerOptions(listen, version, authenticator, maxClients, newMaxCutText,
                handshakeTimeout, remoteResize);
    }

    public ServerOptions withHandshakeTimeout(Duration newTimeout) {
        return new ServerOptions(listen, version, authenticator, maxClients, maxCutText, newTimeout, remoteResize);
    }

    public ServerOptions withRemoteResize(boolean allowed) {
        return new ServerOptions(listen, version, authenticator, maxClients, maxCutText, handshakeTimeout, allowed);
    }
}
