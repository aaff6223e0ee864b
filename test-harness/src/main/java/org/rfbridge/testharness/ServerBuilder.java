// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

/**
 * The settings every X-backed launcher takes: the screen size (default 800x600) and an optional VNC password.
 *
 * @param <B> the launcher's own builder, so that chained calls keep its other settings in reach
 */
abstract class ServerBuilder<B extends ServerBuilder<B>> {
    int width = 800;
    int height = 600;
    String password;

    ServerBuilder() {
    }

    abstract B self();

    /** The size of the X screen the server shows. */
    public B geometry(int width, int height) {
        this.width = width;
        this.height = height;
        return self();
    }

    /** Requires VNC authentication with {@code password}; without one the server asks for none. */
    public B password(String password) {
        this.password = password;
        return self();
    }
}
