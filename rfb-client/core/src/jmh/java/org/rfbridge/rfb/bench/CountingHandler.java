// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.bench;

import java.util.List;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.protocol.ServerMessageHandler;
import org.rfbridge.rfb.protocol.ServerMessageReader;

/** The message reader's handler in the benchmarks: one format and framebuffer, updates counted, the rest ignored. */
final class CountingHandler implements ServerMessageHandler {
    private static final int READ_SIZE = 64 * 1024;

    private final PixelFormat format;
    private final Framebuffer framebuffer;
    private int updates;

    CountingHandler(PixelFormat format, Framebuffer framebuffer) {
        this.format = format;
        this.framebuffer = framebuffer;
    }

    /**
     * Feeds one whole FramebufferUpdate to {@code reader} in 64 KiB reads, as a session receives it, stepping it
     * until starved after each read.
     *
     * @return the updates completed so far
     * @throws IllegalStateException unless the message completed exactly one update
     */
    int readUpdate(ServerMessageReader reader, RfbInput input, byte[] message) throws RfbProtocolException {
        int before = updates;
        for (int at = 0; at < message.length; at += READ_SIZE) {
            input.append(message, at, Math.min(READ_SIZE, message.length - at));
            while (reader.read(input)) {
                // until starved
            }
        }
        if (updates != before + 1) {
            throw new IllegalStateException("the update was not completed");
        }
        return updates;
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
