// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.DesktopListener;

/**
 * The desktop's screen layout, shared by all sessions. The desktop knows only its size; which screens a client
 * asked for travels beside its resize: the asking session registers the layout for the length of its
 * {@link DemoDesktop#resizeFor} call, and every listener of that resize ({@link #resized} here, each session's
 * update state) maps the resize to the same layout with {@link #layoutFor}, whatever order they are called in.
 *
 * <p>Thread-safe. {@link #resized} runs under the desktop's lock, so {@link #current()} read under that lock
 * (in a listener factory, or while taking an update) matches the desktop's size.
 */
final class ScreenLayouts implements DesktopListener {

    private final Map<Integer, ScreenLayout> requested = new ConcurrentHashMap<>();
    private volatile ScreenLayout current;

    ScreenLayouts(ScreenLayout initial) {
        this.current = initial;
    }

    ScreenLayout current() {
        return current;
    }

    /**
     * Resizes {@code desktop} for client {@code client} to {@code width} x {@code height} with {@code layout},
     * which the caller checked fits. Runs on the client's reader thread, which asks for one resize at a time.
     */
    void resize(DemoDesktop desktop, int client, int width, int height, ScreenLayout layout) {
        requested.put(client, layout);
        try {
            desktop.resizeFor(client, width, height);
        } finally {
            requested.remove(client);
        }
    }

    /** The layout a resize to this size by {@code byClient} (0: the desktop) brings. */
    ScreenLayout layoutFor(int width, int height, int byClient) {
        ScreenLayout asked = byClient == 0 ? null : requested.get(byClient);
        return asked != null && asked.problemFor(width, height) == null ? asked : ScreenLayout.single(width, height);
    }

    @Override
    public void resized(int width, int height, int byClient) {
        current = layoutFor(width, height, byClient);
    }
}
