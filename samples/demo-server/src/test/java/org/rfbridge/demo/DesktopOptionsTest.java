// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.demo.server.RfbVersion;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

@Timeout(10)
class DesktopOptionsTest {

    @Test
    void defaultsAre1024x768AndRfb38WithoutPassword() throws Exception {
        DemoServerMain main = new DemoServerMain();
        new CommandLine(main).parseArgs();
        assertEquals(1024, main.desktopOptions.width());
        assertEquals(768, main.desktopOptions.height());
        assertEquals(RfbVersion.V3_8, main.desktopOptions.version);
        assertEquals("127.0.0.1:5900", main.listen);
        assertNull(main.desktopOptions.authenticator());
        assertFalse(main.desktopOptions.noRemoteResize, "clients may resize the desktop by default");
    }

    @Test
    void parsesEveryOption(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "secret\n");
        DemoServerMain main = new DemoServerMain();
        new CommandLine(main).parseArgs("--listen", "127.0.0.1:5901", "--size", "800X600", "--rfb-version", "3.3",
                "--password-file", pw.toString(), "--no-remote-resize");
        assertEquals(800, main.desktopOptions.width());
        assertEquals(600, main.desktopOptions.height());
        assertEquals(RfbVersion.V3_3, main.desktopOptions.version);
        assertTrue(main.desktopOptions.authenticator() != null);
        assertTrue(main.desktopOptions.noRemoteResize);
    }

    @Test
    void noRemoteResizeReachesTheServer() throws Exception {
        DemoServerMain main = new DemoServerMain();
        new CommandLine(main).parseArgs("--size", "320x240", "--frozen", "--no-remote-resize");
        try (DemoServer demo = main.desktopOptions.start(new java.net.InetSocketAddress("127.0.0.1", 0));
                java.net.Socket socket = new java.net.Socket("127.0.0.1", demo.port())) {
            socket.setSoTimeout(5000);
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            java.io.OutputStream out = socket.getOutputStream();
            in.readFully(new byte[12]);
            out.write("RFB 003.008\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            in.readFully(new byte[2]);                     // one security type: None
            out.write(1);
            assertEquals(0, in.readInt(), "SecurityResult");
            out.write(1);                                   // ClientInit: shared
            in.readFully(new byte[20]);
            in.readFully(new byte[in.readInt()]);           // ServerInit's name
            // SetEncodings(ExtendedDesktopSize), SetDesktopSize(400x300, one screen), then a request.
            out.write(java.util.HexFormat.of().parseHex("02000001fffffecc" + "fb000190012c0100"
                    + "00000000000000000190012c00000000" + "0301000000000140" + "00f0"));
            assertEquals(0, in.readUnsignedByte(), "FramebufferUpdate");
            in.readUnsignedByte();
            int rects = in.readUnsignedShort();
            java.util.List<String> seen = new java.util.ArrayList<>();
            for (int i = 0; i < rects; i++) {
                int x = in.readUnsignedShort();
                int y = in.readUnsignedShort();
                int w = in.readUnsignedShort();
                int h = in.readUnsignedShort();
                int encoding = in.readInt();
                if (encoding == -308) {
                    int screens = in.readUnsignedByte();
                    in.readFully(new byte[3 + 16 * screens]);
                    seen.add("reason " + x + " status " + y + " " + w + "x" + h);
                } else {
                    in.readFully(new byte[4 * w * h]);
                }
            }
            assertTrue(seen.contains("reason 1 status 1 320x240"), "refused as prohibited: " + seen);
            assertEquals(320, demo.width());
        }
    }

    @Test
    void refusesBadSizesAndVersions() {
        DesktopOptions.SizeConverter size = new DesktopOptions.SizeConverter();
        assertEquals(new DesktopOptions.Size(320, 240), size.convert("320x240"));
        assertThrows(TypeConversionException.class, () -> size.convert("100x100"));
        assertThrows(TypeConversionException.class, () -> size.convert("1024"));
        assertThrows(TypeConversionException.class, () -> size.convert("axb"));
        assertThrows(TypeConversionException.class, () -> new DesktopOptions.VersionConverter().convert("4.0"));
    }

    @Test
    void badArgumentsExitWithUsageError() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new DemoServerMain()).setErr(new PrintWriter(err)).execute("--size", "1x1");
        assertEquals(2, status);
        assertTrue(err.toString().contains("outside"), err.toString());
        assertEquals(0, new CommandLine(new DemoLauncher()).setOut(new PrintWriter(new StringWriter())).execute("--help"));
    }
}
