// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.Objects;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * LastRect pseudo-encoding: ends the FramebufferUpdate even though its rectangle count said more would come
 * (servers that do not know the count up front send 0xFFFF). No body.
 */
public final class LastRectDecoder implements RectDecoder {
    private final DecoderContext context;

    public LastRectDecoder(DecoderContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) {
        context.lastRect();
        return true;
    }

    @Override
    public boolean isPseudoEncoding() {
        return true;
    }
}
