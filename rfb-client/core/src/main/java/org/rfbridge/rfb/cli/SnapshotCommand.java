// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.Framebuffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rfb-client snapshot TARGET out.png}: one full update, written as a PNG. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Connect, take one full framebuffer update and write it as a PNG.")
final class SnapshotCommand extends CommandSupport {
    @Mixin
    SessionOptions session;

    @Parameters(index = "1", paramLabel = "OUT.png", description = "the PNG file to write")
    Path output;

    @Option(names = "--native-format",
            description = "decode in the server's pixel format instead of asking for 32-bit true colour")
    boolean nativeFormat;

    @Override
    int run(PrintWriter out) throws Exception {
        session.configureLogging();
        // Fail before connecting when the picture could not be saved anyway.
        Path directory = output.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("cannot write " + output + ": there is no directory " + directory);
        }
        // --encoding here means that encoding alone, so that a snapshot shows what the server sends in it.
        ClientOptions options = session.clientOptions().keepServerPixelFormat(nativeFormat)
                .encodingPreferences(session.encodingPreferences(true)).build();
        Framebuffer fb;
        Integer encoding;
        try (RfbClient client = RfbClient.connect(session.target, options, new RfbClientListener() { })) {
            fb = client.awaitFirstUpdate(session.timeout());
            encoding = client.stats().snapshot().dominantSince(null);
        }
        writePng(fb, output);
        out.printf("wrote %s (%dx%d, %s)%n", output, fb.width(), fb.height(),
                encoding == null ? "no rectangles" : "mostly " + Encodings.name(encoding));
        out.flush();
        return 0;
    }

    static void writePng(Framebuffer fb, Path file) throws IOException {
        if (fb.width() == 0 || fb.height() == 0) {
            throw new IOException("the desktop is empty (" + fb.width() + "x" + fb.height() + "), nothing to write");
        }
        BufferedImage image = new BufferedImage(fb.width(), fb.height(), BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, fb.width(), fb.height(), fb.pixels(), 0, fb.width());
        Path absolute = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(absolute.getParent(), ".snapshot-", ".png");
            if (!ImageIO.write(image, "png", temp.toFile())) {
                throw new IOException("no PNG writer available");
            }
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // NIO messages are often just a path; say what failed and where.
            throw new IOException("cannot write " + file + ": " + e.getClass().getSimpleName() + " "
                    + e.getMessage(), e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
