// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Paints a JPEG or PNG image a server sent for a rectangle (Tight's JPEG, TightPNG's PNG) with the JDK's
 * ImageIO. The image's header must give the rectangle's size (checked by {@link ImageHeader} before any
 * decoding, as the JavaScript core does before it hands the image to the browser); an image that then fails
 * to decode, or decodes to another size, is an error as well.
 */
final class ImageDecoding {
    static {
        // Decoding from memory needs no temporary files.
        ImageIO.setUseCache(false);
    }

    private ImageDecoding() {
    }

    /**
     * @param what the rectangle named in errors, for example {@code "Tight rectangle 8x8+0+0"}
     * @param format {@code "JPEG"} or {@code "PNG"}
     */
    static void paint(String what, String format, byte[] bytes, Rect r, Framebuffer fb) throws RfbProtocolException {
        ImageHeader.check(what, format, bytes, r.width(), r.height());
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, what + ": the " + format
                    + " image does not decode (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, what + ": the " + format
                    + " image does not decode");
        }
        if (image.getWidth() != r.width() || image.getHeight() != r.height()) {
            throw new RfbProtocolException(ErrorCode.BAD_ENCODING_DATA, what + ": the " + format + " image is "
                    + image.getWidth() + "x" + image.getHeight());
        }
        if (r.isEmpty()) {
            return;
        }
        int[] argb = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? fromBgr(image) : image.getRGB(0, 0,
                r.width(), r.height(), null, 0, r.width());
        for (int i = 0; i < argb.length; i++) {
            argb[i] |= 0xFF00_0000;
        }
        fb.setPixels(r.x(), r.y(), r.width(), r.height(), argb, 0, r.width());
    }

    /**
     * The pixels of a JPEG as ImageIO decodes colour ones, read from its bytes: getRGB converts each pixel through
     * the colour model and took 2.5 times as long as the decoding itself for 1920x1080, against 0.35 times for this
     * (rfb-client/core/bench/JpegPixelsProbe.java).
     */
    private static int[] fromBgr(BufferedImage image) {
        Raster raster = image.getRaster();
        ComponentSampleModel model = (ComponentSampleModel) raster.getSampleModel();
        byte[] bytes = ((DataBufferByte) raster.getDataBuffer()).getData();
        int width = image.getWidth();
        int height = image.getHeight();
        int stride = model.getScanlineStride();
        int pixelStride = model.getPixelStride();
        int[] offsets = model.getBandOffsets();
        int base = raster.getDataBuffer().getOffset()
                - raster.getSampleModelTranslateY() * stride - raster.getSampleModelTranslateX() * pixelStride;
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            int at = base + y * stride;
            for (int x = 0; x < width; x++, at += pixelStride) {
                argb[y * width + x] = (bytes[at + offsets[0]] & 0xFF) << 16 | (bytes[at + offsets[1]] & 0xFF) << 8
                        | (bytes[at + offsets[2]] & 0xFF);
            }
        }
        return argb;
    }
}
