// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.rfbridge.demo.auth.PasswordFile;
import org.rfbridge.demo.auth.VncAuthenticator;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.server.RfbVersion;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Command-line options shared by {@link DemoServerMain} and {@link DemoLauncher}: what the desktop serves. */
final class DesktopOptions {

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1024x768", converter = SizeConverter.class,
            description = "Desktop size (default: ${DEFAULT-VALUE}; from " + DemoDesktop.MIN_WIDTH + "x"
                    + DemoDesktop.MIN_HEIGHT + " to " + DemoDesktop.MAX_WIDTH + "x" + DemoDesktop.MAX_HEIGHT + ").")
    Size size;

    @Option(names = "--rfb-version", paramLabel = "3.3|3.7|3.8", defaultValue = "3.8",
            converter = VersionConverter.class,
            description = "RFB version the server announces (default: ${DEFAULT-VALUE}); clients may answer "
                    + "with a lower one.")
    RfbVersion version;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Turn VNC Authentication on, with the password on the file's first line "
                    + "(only the first 8 bytes count). Default: off (security type None).")
    Path passwordFile;

    @Option(names = "--frozen",
            description = "Deterministic picture for tests: the clock shows 2000-01-01 00:00:00 UTC and nothing "
                    + "moves on its own.")
    boolean frozen;

    @Option(names = "--no-remote-resize",
            description = "Refuse clients' requests to resize the desktop (SetDesktopSize); the desktop's own "
                    + "F2 still resizes it. Default: clients may resize it.")
    boolean noRemoteResize;

    int width() {
        return size.width();
    }

    int height() {
        return size.height();
    }

    /** A desktop size as given on the command line. */
    record Size(int width, int height) {
    }

    /** Starts a demo server with these options on {@code listen}. */
    DemoServer start(java.net.InetSocketAddress listen) throws IOException {
        return DemoServer.builder()
                .listen(listen)
                .size(width(), height())
                .rfbVersion(version)
                .authenticator(authenticator())
                .frozen(frozen)
                .remoteResize(!noRemoteResize)
                .start();
    }

    /** The authenticator for {@link #passwordFile}, or null when none was given. */
    VncAuthenticator authenticator() throws IOException {
        return passwordFile == null ? null : VncAuthenticator.forPassword(PasswordFile.read(passwordFile));
    }

    /** Parses {@code WIDTHxHEIGHT} within the desktop's limits. */
    static final class SizeConverter implements ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            String[] parts = value.toLowerCase(Locale.ROOT).split("x", -1);
            if (parts.length != 2) {
                throw new TypeConversionException("'" + value + "' is not WIDTHxHEIGHT, e.g. 1024x768");
            }
            int width;
            int height;
            try {
                width = Integer.parseInt(parts[0].trim());
                height = Integer.parseInt(parts[1].trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not WIDTHxHEIGHT, e.g. 1024x768");
            }
            if (width < DemoDesktop.MIN_WIDTH || width > DemoDesktop.MAX_WIDTH
                    || height < DemoDesktop.MIN_HEIGHT || height > DemoDesktop.MAX_HEIGHT) {
                throw new TypeConversionException("size " + value + " is outside " + DemoDesktop.MIN_WIDTH + "x"
                        + DemoDesktop.MIN_HEIGHT + " to " + DemoDesktop.MAX_WIDTH + "x" + DemoDesktop.MAX_HEIGHT);
            }
            return new Size(width, height);
        }
    }

    static final class VersionConverter implements ITypeConverter<RfbVersion> {
        @Override
        public RfbVersion convert(String value) {
            try {
                return RfbVersion.fromLabel(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
