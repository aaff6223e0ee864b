// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.rfbridge.rfb.pixel.Framebuffer;

/** Writes a framebuffer as a PNG file (ImageIO, so JavaFX's Swing bridge is not needed). */
public final class PngWriter {
    private PngWriter() {
    }

    /** Writes {@code fb} to {@code file}, replacing it; a partial file is never left behind. */
    public static void write(Framebuffer fb, Path file) throws IOException {
        if (fb.width() == 0 || fb.height() == 0) {
            throw new IOException("the desktop is empty (" + fb.width() + "x" + fb.height() + ")");
        }
        BufferedImage image = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, fb.width(), fb.height(), fb.pixels(), 0, fb.width());
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".screenshot", ".png");
        try {
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
