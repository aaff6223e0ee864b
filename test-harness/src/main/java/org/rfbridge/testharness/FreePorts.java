// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports and X display numbers. Another process may take either between the check and the
 * server's start, so the launchers retry with fresh numbers when a server dies at start.
 */
public final class FreePorts {
    /** Displays are picked from this range, clear of a developer's usual :0-:9 and of vncserver's habits. */
    public static final int FIRST_DISPLAY = 40;
    public static final int LAST_DISPLAY = 99;

    private FreePorts() {
    }

    /** A TCP port nothing listens on at 127.0.0.1 right now (the kernel's pick for port 0). */
    public static int loopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** Whether {@code port} on 127.0.0.1 can be bound right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An X display number from {@value #FIRST_DISPLAY}-{@value #LAST_DISPLAY} with no socket and no lock file. */
    public static int display() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int display = ThreadLocalRandom.current().nextInt(FIRST_DISPLAY, LAST_DISPLAY + 1);
            if (isDisplayFree(display)) {
                return display;
            }
        }
        throw new IllegalStateException("no free X display between " + FIRST_DISPLAY + " and " + LAST_DISPLAY);
    }

    /**
     * A display N whose VNC port 5900+N is free too, for servers that only take a display number
     * (QEMU's {@code -vnc host:N}).
     */
    public static int displayWithFreeVncPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int display = display();
            if (isFree(5900 + display)) {
                return display;
            }
        }
        throw new IllegalStateException("no display between " + FIRST_DISPLAY + " and " + LAST_DISPLAY
                + " with a free VNC port");
    }

    static boolean isDisplayFree(int display) {
        return !Files.exists(Path.of("/tmp/.X11-unix/X" + display)) && !Files.exists(Path.of("/tmp/.X" + display + "-lock"));
    }
}
