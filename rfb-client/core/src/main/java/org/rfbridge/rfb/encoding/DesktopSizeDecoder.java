// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.Objects;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * DesktopSize pseudo-encoding (RFC 6143 section 7.8.2): the rectangle's width and height are the new desktop
 * size; there is no body.
 */
public final class DesktopSizeDecoder implements RectDecoder {
    private final DecoderContext context;

    public DesktopSizeDecoder(DecoderContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        if (r.width() == 0 || r.height() == 0 || !Framebuffer.isValidSize(r.width(), r.height())) {
            throw new RfbProtocolException("DesktopSize " + r.width() + "x" + r.height() + " is outside 1.."
                    + Framebuffer.MAX_DIMENSION);
        }
        context.desktopSizeChanged(r.width(), r.height());
        return true;
    }

    @Override
    public boolean isPseudoEncoding() {
        return true;
    }
}
