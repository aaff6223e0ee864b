// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.List;
import org.rfbridge.rfb.Limits;

/**
 * The size the viewer wants for the remote desktop and the one SetDesktopSize in flight (the JavaScript core's
 * {@code desktop-size-requests.js}; the rules are {@code protocol-tests/EXTENSIONS.md}). A window being dragged
 * wants a new size many times a second: only the latest is kept while the server has not answered, so the server
 * resizes once per answer instead of once per mouse move.
 *
 * <p>Not thread-safe: the session thread owns it.
 */
final class DesktopSizeRequests {
    /** A SetDesktopSize to send. */
    record Due(int width, int height, ScreenLayout layout) {
    }

    private ScreenLayout layout = new ScreenLayout(List.of());
    private boolean serverTakesThem;
    private boolean outstanding;
    private int wantedWidth = -1;
    private int wantedHeight = -1;

    /** The viewer wants {@code width}x{@code height}, clamped to 1..16384; replaces any size still kept. */
    void want(int width, int height) {
        wantedWidth = Math.max(1, Math.min(width, Limits.MAX_FRAMEBUFFER_SIDE));
        wantedHeight = Math.max(1, Math.min(height, Limits.MAX_FRAMEBUFFER_SIDE));
    }

    /**
     * The request to send now, if one is kept, the server takes them and none is unanswered; null otherwise. A
     * kept size equal to the framebuffer's is dropped.
     */
    Due due(int fbWidth, int fbHeight) {
        if (wantedWidth < 0 || !serverTakesThem || outstanding) {
            return null;
        }
        int width = wantedWidth;
        int height = wantedHeight;
        wantedWidth = -1;
        wantedHeight = -1;
        if (width == fbWidth && height == fbHeight) {
            return null;
        }
        outstanding = true;
        return new Due(width, height, layout.resizedTo(width, height));
    }

    /**
     * An ExtendedDesktopSize arrived: the server takes requests, a reason-1 one answers ours, a done one brings the
     * layout. Returns what the user reads if it refuses this client's request, else null.
     */
    String received(int reason, int status, ScreenLayout newLayout) {
        serverTakesThem = true;
        if (reason == 1) {
            outstanding = false;
        }
        if (status != 0) {
            return reason == 1 ? ScreenLayout.refusal(status) : null;
        }
        layout = newLayout;
        return null;
    }

    boolean serverTakesThem() {
        return serverTakesThem;
    }

    ScreenLayout layout() {
        return layout;
    }
}
