// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    }

    @Test
    void parsesEveryOption(@TempDir Path dir) throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "secret\n");
        DemoServerMain main = new DemoServerMain();
        new CommandLine(main).parseArgs("--listen", "127.0.0.1:5901", "--size", "800X600", "--rfb-version", "3.3",
                "--password-file", pw.toString());
        assertEquals(800, main.desktopOptions.width());
        assertEquals(600, main.desktopOptions.height());
        assertEquals(RfbVersion.V3_3, main.desktopOptions.version);
        assertTrue(main.desktopOptions.authenticator() != null);
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
