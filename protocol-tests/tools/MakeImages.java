// SPDX-License-Identifier: Apache-2.0
// Made the images in images/ once: java protocol-tests/tools/MakeImages.java protocol-tests/tools/images
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.*;
import javax.imageio.stream.*;
public class MakeImages {
    public static void main(String[] a) throws Exception {
        // 16x16: four 8x8 blocks of one tint plus different greys: the chroma, which JPEG subsamples, is the
        // same everywhere, so every decoder's output is close to the source (encoding_vectors.py's BLOCK_COLOURS).
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        int[] colours = {0x503020, 0x907060, 0xd0b0a0, 0x705040};
        for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) img.setRGB(x, y, colours[(y / 8) * 2 + x / 8]);
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam p = w.getDefaultWriteParam();
        p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        p.setCompressionQuality(0.95f);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(a[0] + "/blocks-16x16.jpg"))) {
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        }
        BufferedImage png = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        int[] pc = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFFFF, 0x000000, 0x808080, 0x123456, 0xFEDCBA};
        for (int i = 0; i < 8; i++) png.setRGB(i % 4, i / 4, pc[i]);
        ImageIO.write(png, "png", new File(a[0] + "/pixels-4x2.png"));
    }
}
