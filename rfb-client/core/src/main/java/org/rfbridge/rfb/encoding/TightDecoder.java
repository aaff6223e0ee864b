// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Tight (encoding 7, from TightVNC) and TightPNG (-260, which QEMU sends to browsers): a compression-control
 * byte whose low four bits reset any of four zlib streams that last the connection, and whose high four bits
 * choose one colour (fill), a JPEG or PNG image, or "basic" compression: the rectangle's rows through a copy,
 * palette or gradient filter, zlib-compressed in one of the four streams unless they are under 12 bytes.
 *
 * <p>Basic rows are painted as they inflate ({@link TightFilter}); inflated bytes beyond the rows are an error.
 * An image is collected whole (its compact length caps it at 4 MiB) and its header's size checked against the
 * rectangle before it is decoded ({@link ImageDecoding}). TightPNG adds PNG; plain Tight refuses it.
 */
public final class TightDecoder implements RectDecoder {
    /** Basic data shorter than this is sent without compression. */
    private static final int MIN_TO_COMPRESS = 12;
    private static final int FILL = 8;
    private static final int JPEG = 9;
    private static final int PNG = 10;

    private enum Stage { CONTROL, FILTER, PALETTE, LENGTH, DATA, IMAGE }

    private final boolean pngAllowed;
    private final String name;
    private final ZlibStream[] streams = new ZlibStream[4];

    private Stage stage = Stage.CONTROL;
    private int control;
    private int filterId;
    private int[] palette;
    private TightFilter rows;
    private boolean compressed;
    private long compressedLeft;
    private byte[] image;
    private int imageFill;

    /** Tight proper: fill, JPEG and basic compression. */
    public static TightDecoder tight() {
        return new TightDecoder(false, "Tight");
    }

    /** TightPNG: Tight with PNG images as well. */
    public static TightDecoder tightPng() {
        return new TightDecoder(true, "TightPNG");
    }

    private TightDecoder(boolean pngAllowed, String name) {
        this.pngAllowed = pngAllowed;
        this.name = name;
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new ZlibStream(name + " stream " + i);
        }
    }

    @Override
    public boolean decodeRect(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        while (true) {
            switch (stage) {
                case CONTROL -> {
                    if (!in.has(1)) {
                        return false;
                    }
                    control = in.readU8();
                    for (int i = 0; i < streams.length; i++) {
                        if ((control & (1 << i)) != 0) {
                            streams[i].reset();
                        }
                    }
                    int type = control >>> 4;
                    if (type == FILL) {
                        stage = Stage.DATA;
                    } else if (type == JPEG || (type == PNG && pngAllowed)) {
                        stage = Stage.LENGTH;
                    } else if (type < FILL) {
                        filterId = TightFilter.COPY;
                        stage = (type & 4) != 0 ? Stage.FILTER : startRows(r, pf, fb);
                    } else {
                        throw error(r, "unknown compression type " + type + " (control byte 0x"
                                + Integer.toHexString(control) + ")");
                    }
                }
                case FILTER -> {
                    if (!in.has(1)) {
                        return false;
                    }
                    filterId = in.readU8();
                    if (filterId == TightFilter.PALETTE) {
                        stage = Stage.PALETTE;
                    } else if (filterId == TightFilter.COPY || filterId == TightFilter.GRADIENT) {
                        stage = startRows(r, pf, fb);
                    } else {
                        throw error(r, "unknown filter " + filterId);
                    }
                }
                case PALETTE -> {
                    if (!in.has(1)) {
                        return false;
                    }
                    int size = in.peekU8(0) + 1;
                    int pixelBytes = TightFilter.pixelBytes(pf);
                    if (!in.has(1 + size * pixelBytes)) {
                        return false;
                    }
                    in.skip(1);
                    palette = new int[size];
                    for (int i = 0; i < size; i++) {
                        int at = i;
                        in.consume(pixelBytes, (array, offset, n) -> palette[at] = TightFilter.toArgb(pf, array, offset));
                    }
                    stage = startRows(r, pf, fb);
                }
                case LENGTH -> {
                    long length = readCompactLength(in);
                    if (length < 0) {
                        return false;
                    }
                    if (rows != null) {
                        long cap = rows.bytesLeft() + rows.bytesLeft() / 1000 + 1024;
                        if (length > cap) {
                            throw error(r, "claims " + length + " compressed bytes; its " + rows.bytesLeft()
                                    + " bytes of rows can take at most " + cap);
                        }
                        compressedLeft = length;
                        stage = Stage.DATA;
                    } else {
                        image = new byte[(int) length];
                        imageFill = 0;
                        stage = Stage.IMAGE;
                    }
                }
                case DATA -> {
                    return data(r, in, pf, fb);
                }
                case IMAGE -> {
                    int n = Math.min(image.length - imageFill, in.available());
                    in.readBytes(image, imageFill, n);
                    imageFill += n;
                    if (imageFill < image.length) {
                        return false;
                    }
                    byte[] bytes = image;
                    image = null;
                    stage = Stage.CONTROL;
                    String format = (control >>> 4) == JPEG ? "JPEG" : "PNG";
                    ImageDecoding.paint(name + " rectangle " + r, format, bytes, r, fb);
                    return true;
                }
                default -> throw new IllegalStateException(stage.name());
            }
        }
    }

    /** Sets up the rows of a basic rectangle; the next stage reads its length, or its bytes when short. */
    private Stage startRows(Rect r, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        rows = new TightFilter(name + " rectangle " + r, r, pf, fb, filterId, filterId == TightFilter.PALETTE ? palette : null);
        compressed = rows.bytesLeft() >= MIN_TO_COMPRESS;
        compressedLeft = compressed ? 0 : rows.bytesLeft();
        return compressed ? Stage.LENGTH : Stage.DATA;
    }

    private boolean data(Rect r, RfbInput in, PixelFormat pf, Framebuffer fb) throws RfbProtocolException {
        if (rows == null) {
            int pixelBytes = TightFilter.pixelBytes(pf);
            if (!in.has(pixelBytes)) {
                return false;
            }
            int[] colour = new int[1];
            in.consume(pixelBytes, (array, offset, n) -> colour[0] = TightFilter.toArgb(pf, array, offset));
            fb.fillRect(r.x(), r.y(), r.width(), r.height(), colour[0]);
            stage = Stage.CONTROL;
            return true;
        }
        ZlibStream stream = streams[(control >>> 4) & 3];
        if (compressed) {
            compressedLeft = stream.inflateFrom(in, compressedLeft, rows::accept);
        } else {
            int count = (int) Math.min(compressedLeft, in.available());
            in.consume(count, rows::accept);
            compressedLeft -= count;
        }
        if (compressedLeft > 0) {
            return false;
        }
        TightFilter done = rows;
        rows = null;
        palette = null;
        stage = Stage.CONTROL;
        if (!done.isComplete()) {
            long total = done.totalBytes();
            throw error(r, "the data inflates to " + (total - done.bytesLeft()) + " of the " + total
                    + " bytes its rows take");
        }
        return true;
    }

    /** Tight's compact length: seven bits a byte, low first, in one to three bytes; -1 until all are in. */
    private static long readCompactLength(RfbInput in) {
        if (!in.has(1)) {
            return -1;
        }
        int b0 = in.peekU8(0);
        if ((b0 & 0x80) == 0) {
            in.skip(1);
            return b0;
        }
        if (!in.has(2)) {
            return -1;
        }
        int b1 = in.peekU8(1);
        if ((b1 & 0x80) == 0) {
            in.skip(2);
            return (b0 & 0x7F) | b1 << 7;
        }
        if (!in.has(3)) {
            return -1;
        }
        int b2 = in.peekU8(2);
        in.skip(3);
        return (b0 & 0x7F) | (b1 & 0x7F) << 7 | (long) b2 << 14;
    }

    private RfbProtocolException error(Rect r, String what) {
        stage = Stage.CONTROL;
        rows = null;
        return new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, name + " rectangle " + r + ": " + what);
    }
}
