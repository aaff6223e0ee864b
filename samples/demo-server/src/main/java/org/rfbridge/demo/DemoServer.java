// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.rfbridge.demo.auth.VncAuthenticator;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.DesktopAnimator;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.demo.server.RfbServer;
import org.rfbridge.demo.server.RfbVersion;
import org.rfbridge.demo.server.ServerOptions;

/**
 * A running demo desktop served over RFB: the desktop, its animation and the server, started and stopped
 * together. It is also the test peer the viewers' tests use:
 *
 * <pre>{@code
 * try (DemoServer demo = DemoServer.builder().size(800, 600).password("secret").frozen(true).start()) {
 *     connect to "127.0.0.1:" + demo.port() ...
 *     int[] expected = demo.snapshotArgb();
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread; {@link #close()} is idempotent.
 */
public final class DemoServer implements AutoCloseable {

    /** The name ServerInit sends and the title bar shows. */
    public static final String DESKTOP_NAME = "rfbridge demo desktop";
    /** The time a {@linkplain Builder#frozen(boolean) frozen} desktop's clock shows. */
    public static final Instant FROZEN_TIME = Instant.parse("2000-01-01T00:00:00Z");

    private final DemoDesktop desktop;
    private final DesktopAnimator animator;
    private final RfbServer server;

    private DemoServer(DemoDesktop desktop, DesktopAnimator animator, RfbServer server) {
        this.desktop = desktop;
        this.animator = animator;
        this.server = server;
    }

    /** A builder with the defaults: 127.0.0.1 on a free port, 1024x768, RFB 3.8, no password, animated. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates a desktop of {@code width}×{@code height}, starts its clock and log, and serves it.
     *
     * @throws IOException              if the listen address cannot be bound
     * @throws IllegalArgumentException if the size is outside what {@link DemoDesktop} allows
     */
    public static DemoServer start(ServerOptions options, int width, int height) throws IOException {
        return start(options, width, height, false, DemoDesktop.GREETING);
    }

    private static DemoServer start(ServerOptions options, int width, int height, boolean frozen, String greeting)
            throws IOException {
        Clock clock = frozen ? Clock.fixed(FROZEN_TIME, ZoneOffset.UTC) : Clock.systemDefaultZone();
        DemoDesktop desktop = new DemoDesktop(width, height, DESKTOP_NAME, clock);
        if (greeting != null) {
            desktop.offerClipboard(greeting);
        }
        RfbServer server = new RfbServer(desktop, options);
        server.start();
        DesktopAnimator animator = null;
        if (!frozen) {
            animator = new DesktopAnimator(desktop, clock, DesktopAnimator.DEFAULT_LOG_INTERVAL);
            animator.start();
        }
        desktop.log("demo desktop started, serving RFB " + options.version().label());
        return new DemoServer(desktop, animator, server);
    }

    /** Where the RFB server accepts clients. */
    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    /** The RFB port, on {@link #localAddress()}'s address. */
    public int port() {
        return server.localAddress().getPort();
    }

    /** The desktop itself, for its {@link DemoDesktop#layout() layout} and finer control. */
    public DemoDesktop desktop() {
        return desktop;
    }

    /** The current width; it changes on {@link #resize}. */
    public int width() {
        return desktop.width();
    }

    /** The current height; it changes on {@link #resize}. */
    public int height() {
        return desktop.height();
    }

    /** A copy of the framebuffer as opaque ARGB (0xFFRRGGBB), row after row, taken atomically. */
    public int[] snapshotArgb() {
        return desktop.snapshotArgb();
    }

    /** Grows with every change of the pixels; see {@link DemoDesktop#generation()}. */
    public long generation() {
        return desktop.generation();
    }

    /**
     * Waits until the pixels have not changed for {@code quiet} (by {@link #generation()}), polling; use it
     * after connecting clients or sending input, before comparing pixels. Blocks the calling thread.
     *
     * @return the generation the desktop settled at
     * @throws IllegalStateException if it was still changing after {@code limit} (an animated desktop never
     *                               settles: use {@link Builder#frozen(boolean)})
     */
    public long awaitQuiet(java.time.Duration quiet, java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long seen = generation();
        long quietSince = System.nanoTime();
        while (System.nanoTime() - quietSince < quiet.toNanos()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo desktop kept changing for " + limit);
            }
            Thread.sleep(Math.max(1, Math.min(20, quiet.toMillis() / 4)));
            long now = generation();
            if (now != seen) {
                seen = now;
                quietSince = System.nanoTime();
            }
        }
        return seen;
    }

    /** Paints a solid rectangle in 0xRRGGBB {@code rgb}, clipped to the desktop. */
    public void fillRect(int x, int y, int width, int height, int rgb) {
        desktop.fillRect(new Rect(x, y, width, height), rgb);
    }

    /** Adds a log line; the log scrolls by one line (CopyRect for clients that support it). */
    public void log(String line) {
        desktop.log(line);
    }

    /** Types {@code text} into the echo panel as if a client had ('\n' is Return). */
    public void typeText(String text) {
        desktop.typeText(text);
    }

    /**
     * Changes the desktop size. Clients that listed DesktopSize are told; others are disconnected.
     *
     * @throws IllegalArgumentException for a size outside the desktop's limits
     */
    public void resize(int width, int height) {
        desktop.resize(width, height);
    }

    /** Renames the desktop; clients that announced DesktopName are told. */
    public void rename(String name) {
        desktop.rename(name);
    }

    /** Sessions alive now, including those still in their handshake. */
    public int sessionCount() {
        return server.sessionCount();
    }

    @Override
    public void close() {
        server.close();
        if (animator != null) {
            animator.close();
        }
    }

    /** Collects the settings of a {@link DemoServer}; not thread-safe, use it on one thread. */
    public static final class Builder {
        private InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        private int width = 1024;
        private int height = 768;
        private VncAuthenticator authenticator;
        private RfbVersion version = RfbVersion.V3_8;
        private boolean frozen;
        private int maxClients = ServerOptions.DEFAULT_MAX_CLIENTS;
        private boolean remoteResize = true;
        private String greeting = DemoDesktop.GREETING;

        private Builder() {
        }

        /** Where to listen; port 0 picks a free one. Default: 127.0.0.1, free port. */
        public Builder listen(InetSocketAddress address) {
            listen = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Desktop size, from 320x240 to 4096x4096. Default 1024x768. */
        public Builder size(int newWidth, int newHeight) {
            width = newWidth;
            height = newHeight;
            return this;
        }

        /** Require VNC Authentication with this password (first 8 bytes count); null for None. */
        public Builder password(String password) {
            authenticator = password == null ? null : VncAuthenticator.forPassword(password);
            return this;
        }

        /** Require VNC Authentication through {@code newAuthenticator}; null for None. */
        public Builder authenticator(VncAuthenticator newAuthenticator) {
            authenticator = newAuthenticator;
            return this;
        }

        /** The protocol version announced; clients may answer with a lower one. Default 3.8. */
        public Builder rfbVersion(RfbVersion newVersion) {
            version = Objects.requireNonNull(newVersion, "version");
            return this;
        }

        /**
         * Deterministic picture: the clock shows {@link #FROZEN_TIME} and nothing moves on its own, so the
         * pixels change only through clients and the methods of {@link DemoServer}.
         */
        public Builder frozen(boolean newFrozen) {
            frozen = newFrozen;
            return this;
        }

        /** Sessions served at once; more connections are closed at once. */
        public Builder maxClients(int newMaxClients) {
            maxClients = newMaxClients;
            return this;
        }

        /** Whether clients may resize the desktop with SetDesktopSize. Default: yes. */
        public Builder remoteResize(boolean allowed) {
            remoteResize = allowed;
            return this;
        }

        /**
         * The text the desktop holds on its clipboard at the start, which clients with the extended clipboard
         * are offered when they connect; null for none. Default: {@link DemoDesktop#GREETING}.
         */
        public Builder clipboardGreeting(String text) {
            greeting = text;
            return this;
        }

        /**
         * Starts the desktop and its server.
         *
         * @throws IOException              if the address cannot be bound
         * @throws IllegalArgumentException for a size outside the desktop's limits
         */
        public DemoServer start() throws IOException {
            ServerOptions options = ServerOptions.defaults(listen)
                    .withVersion(version)
                    .withAuthenticator(authenticator)
                    .withMaxClients(maxClients)
                    .withRemoteResize(remoteResize);
            return DemoServer.start(options, width, height, frozen, greeting);
        }
    }
}
