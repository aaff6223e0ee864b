// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.bench;

import java.util.List;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.protocol.ServerMessageHandler;

/** The message reader's handler in the benchmarks: one format and framebuffer, updates counted, the rest ignored. */
final class CountingHandler implements ServerMessageHandler {
    private final PixelFormat format;
    private final Framebuffer framebuffer;
    private int updates;

    CountingHandler(PixelFormat format, Framebuffer framebuffer) {
        this.format = format;
        this.framebuffer = framebuffer;
    }

    /** Updates completed so far. */
    int updates() {
        return updates;
    }

    @Override
    public PixelFormat pixelFormat() {
        return format;
    }

    @Override
    public Framebuffer framebuffer() {
        return framebuffer;
    }

    @Override
    public void framebufferUpdate(List<Rect> dirty) {
        updates++;
    }

    @Override
    public void desktopSizeChanged(int width, int height) {
        throw new IllegalStateException("no resize in the benchmarks");
    }

    @Override
    public void cursorShapeChanged(CursorShape shape) {
    }

    @Override
    public void colourMapEntries(int firstColour, int[] argb) {
    }

    @Override
    public void bell() {
    }

    @Override
    public void serverCutText(String text) {
    }
}
