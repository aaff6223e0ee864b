// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.List;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;

/** What shows the pixels (the {@link FramebufferDisplay}, or a recorder in tests). */
public interface FrameSink {
    /**
     * An update was applied to {@code fb} (called on the session thread; must return at once). The sink draws
     * {@code dirty} when it next can and then runs {@code consumed} exactly once, which lets the next update be
     * requested; until then the session does not touch {@code fb}.
     */
    void frameUpdated(Framebuffer fb, List<Rect> dirty, Runnable consumed);

    /** The desktop changed size; {@code fb} replaces the previous framebuffer (called on the session thread). */
    void framebufferReplaced(Framebuffer fb);

    /** The session ended; drop pending work (FX thread). */
    void sessionEnded();
}
