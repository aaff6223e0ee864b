// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.List;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.RectDecoder;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Wraps every decoder of a registry so that each finished rectangle is counted by encoding: the client library
 * does not report which encoding painted what, and the status bar shows the one in use.
 */
final class CountingDecoders {
    private CountingDecoders() {
    }

    static DecoderRegistry wrap(DecoderRegistry base, SessionStats stats) {
        DecoderRegistry.Builder builder = DecoderRegistry.builder();
        for (int encoding : base.encodings()) {
            if (DecoderRegistry.READER_PSEUDO_ENCODINGS.contains(encoding)) {
                builder.pseudo(encoding);
                continue;
            }
            DecoderRegistry single = base.only(List.of(encoding));
            builder.add(encoding, () -> new Counting(encoding, single.createDecoders().get(encoding), stats));
        }
        return builder.build();
    }

    private static final class Counting implements RectDecoder {
        private final int encoding;
        private final RectDecoder inner;
        private final SessionStats stats;

        Counting(int encoding, RectDecoder inner, SessionStats stats) {
            this.encoding = encoding;
            this.inner = inner;
            this.stats = stats;
        }

        @Override
        public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
            boolean done = inner.decodeRect(r, in, pf, fb);
            if (done) {
                stats.rectDecoded(encoding);
            }
            return done;
        }
    }
}
