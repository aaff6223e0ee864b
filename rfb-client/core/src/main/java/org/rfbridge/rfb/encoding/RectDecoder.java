// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Decodes the body of one rectangle of one encoding. One instance per encoding per connection; it is called
 * only on the session thread.
 *
 * <p>Decoders only decode pixels: pseudo-encodings (DesktopSize, LastRect, Cursor) are handled by the
 * message reader. The caller has read the rectangle header and checked that the rectangle lies inside
 * {@code fb}. It then calls {@link #decodeRect} for the same rectangle until it returns true, appending bytes
 * between calls.
 */
public interface RectDecoder {
    /**
     * Consumes as much of the rectangle's body as is available and paints it.
     *
     * @return true when the rectangle is finished (the decoder is then ready for the next one); false when it
     *     needs more bytes, with the input left where the next call resumes and the progress kept in fields
     * @throws RfbProtocolException when the data is invalid; the session is then over
     */
    boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException;
}
