// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.DesktopAnimator;
import org.rfbridge.demo.server.RfbServer;
import org.rfbridge.demo.server.ServerOptions;

/**
 * A running demo desktop served over RFB: the desktop, its animation and the server, started and stopped
 * together. Thread-safe; {@link #close()} is idempotent.
 */
public final class DemoServer implements AutoCloseable {

    /** The name ServerInit sends and the title bar shows. */
    public static final String DESKTOP_NAME = "rfbridge demo desktop";

    private final DemoDesktop desktop;
    private final DesktopAnimator animator;
    private final RfbServer server;

    private DemoServer(DemoDesktop desktop, DesktopAnimator animator, RfbServer server) {
        this.desktop = desktop;
        this.animator = animator;
        this.server = server;
    }

    /**
     * Creates a desktop of {@code width}×{@code height}, starts its clock and log, and serves it.
     *
     * @throws IOException              if the listen address cannot be bound
     * @throws IllegalArgumentException if the size is outside what {@link DemoDesktop} allows
     */
    public static DemoServer start(ServerOptions options, int width, int height) throws IOException {
        Clock clock = Clock.systemDefaultZone();
        DemoDesktop desktop = new DemoDesktop(width, height, DESKTOP_NAME, clock);
        DesktopAnimator animator = new DesktopAnimator(desktop, clock, DesktopAnimator.DEFAULT_LOG_INTERVAL);
        RfbServer server = new RfbServer(desktop, options);
        server.start();
        animator.start();
        desktop.log("demo desktop started, serving RFB " + options.version().label());
        return new DemoServer(desktop, animator, server);
    }

    /** Where the RFB server accepts clients. */
    public InetSocketAddress localAddress() {
        return server.localAddress();
    }

    public DemoDesktop desktop() {
        return desktop;
    }

    @Override
    public void close() {
        server.close();
        animator.close();
    }
}
