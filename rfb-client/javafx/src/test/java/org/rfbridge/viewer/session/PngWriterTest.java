// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.pixel.Framebuffer;

@Timeout(10)
class PngWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryPixel() throws Exception {
        Framebuffer fb = new Framebuffer(3, 2);
        fb.setPixel(0, 0, 0xFF123456);
        fb.setPixel(2, 1, 0xFFFFFFFF);
        Path file = dir.resolve("shot.png");
        PngWriter.write(fb, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        assertEquals(0xFF123456, image.getRGB(0, 0));
        assertEquals(0xFF000000, image.getRGB(1, 0));
        assertEquals(0xFFFFFFFF, image.getRGB(2, 1));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void anEmptyDesktopIsRefused() {
        assertThrows(IOException.class, () -> PngWriter.write(new Framebuffer(0, 0), dir.resolve("x.png")));
    }
}
