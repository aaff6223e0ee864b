// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * The server's side of the RFB core library's {@link PixelFormat}: which formats the demo serves, and moving
 * the 16-byte PIXEL_FORMAT (RFC 6143 §7.4) over blocking streams.
 */
final class ServedPixelFormats {

    /** What ServerInit announces: 32 bits per pixel, depth 24, little-endian, 8 bits a channel (0x00RRGGBB). */
    static final PixelFormat SERVER_NATIVE = PixelFormat.RGB888;

    private ServedPixelFormats() {
    }

    /** Reads the 16 bytes of a PIXEL_FORMAT as they are, without judging them. */
    static PixelFormat read(DataInput in) throws IOException {
        byte[] wire = new byte[PixelFormat.WIRE_SIZE];
        in.readFully(wire);
        RfbInput bytes = new RfbInput();
        bytes.append(wire);
        return PixelFormat.read(bytes);
    }

    /** Writes the 16 bytes of {@code format}. */
    static void write(PixelFormat format, DataOutput out) throws IOException {
        RfbOutput bytes = new RfbOutput();
        format.write(bytes);
        out.write(bytes.take());
    }

    /**
     * Checks that the demo can produce {@code format}: valid for the core library (8, 16 or 32 bits per pixel,
     * depth within them, channel maxima 2^n-1 inside the pixel), true colour, and channels not overlapping.
     *
     * @throws ClientProtocolException naming the first thing wrong
     */
    static void requireServable(PixelFormat format) throws ClientProtocolException {
        try {
            format.validate();
        } catch (RfbProtocolException e) {
            throw new ClientProtocolException(e.getMessage());
        }
        if (!format.trueColour()) {
            throw new ClientProtocolException("pixel format " + format + " asks for a colour map; the demo serves "
                    + "true colour only");
        }
        long red = (long) format.redMax() << format.redShift();
        long green = (long) format.greenMax() << format.greenShift();
        long blue = (long) format.blueMax() << format.blueShift();
        if ((red & green) != 0 || (red & blue) != 0 || (green & blue) != 0) {
            throw new ClientProtocolException("pixel format channels overlap: " + format);
        }
    }
}
