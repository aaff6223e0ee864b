// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.nio.charset.StandardCharsets;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;

/**
 * An RFB protocol version (RFC 6143 section 7.1.1), as announced in the 12-byte banner
 * {@code "RFB xxx.yyy\n"}.
 */
public record ProtocolVersion(int major, int minor) {
    public static final ProtocolVersion V3_3 = new ProtocolVersion(3, 3);
    public static final ProtocolVersion V3_7 = new ProtocolVersion(3, 7);
    public static final ProtocolVersion V3_8 = new ProtocolVersion(3, 8);

    /** Bytes of a banner. */
    public static final int BANNER_LENGTH = 12;

    public ProtocolVersion {
        if (major < 0 || major > 999 || minor < 0 || minor > 999) {
            throw new IllegalArgumentException("version " + major + "." + minor + " does not fit a banner");
        }
    }

    /**
     * Parses a server's banner.
     *
     * @throws RfbProtocolException quoting the banner when it is not {@code "RFB xxx.yyy\n"}
     */
    public static ProtocolVersion parseBanner(byte[] banner) throws RfbProtocolException {
        if (banner.length != BANNER_LENGTH || banner[0] != 'R' || banner[1] != 'F' || banner[2] != 'B'
                || banner[3] != ' ' || banner[7] != '.' || banner[11] != '\n'
                || !digits(banner, 4) || !digits(banner, 8)) {
            throw new RfbProtocolException(ErrorCode.BAD_VERSION, "not an RFB server: expected a banner like \"RFB 003.008\\n\" but got "
                    + quote(banner));
        }
        return new ProtocolVersion(number(banner, 4), number(banner, 8));
    }

    private static boolean digits(byte[] b, int from) {
        for (int i = from; i < from + 3; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(byte[] b, int from) {
        return (b[from] - '0') * 100 + (b[from + 1] - '0') * 10 + (b[from + 2] - '0');
    }

    /** The bytes in double quotes, printable ASCII as is and everything else escaped. */
    static String quote(byte[] bytes) {
        StringBuilder s = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '\r') {
                s.append("\\r");
            } else if (c == '"' || c == '\\') {
                s.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7F) {
                s.append((char) c);
            } else {
                s.append(String.format("\\x%02x", c));
            }
        }
        return s.append('"').toString();
    }

    /**
     * The version this client speaks with a server announcing this one: 3.3 for 3.3 to 3.6 (3.5 was never
     * published and servers announcing it mean 3.3; UltraVNC announces 3.4 and 3.6), 3.7, and 3.8 for 3.8 and
     * anything later, including 3.889 (Apple) and 4.x (RealVNC).
     *
     * @throws RfbProtocolException for versions before 3.3, which no server speaks
     */
    public ProtocolVersion negotiate() throws RfbProtocolException {
        if (!atLeast(V3_3)) {
            throw new RfbProtocolException(ErrorCode.BAD_VERSION, "the server speaks RFB " + this
                    + ", older than 3.3");
        }
        if (major > 3 || minor >= 8) {
            return V3_8;
        }
        return minor == 7 ? V3_7 : V3_3;
    }

    /** Whether this version is {@code other} or later. */
    public boolean atLeast(ProtocolVersion other) {
        return major > other.major || major == other.major && minor >= other.minor;
    }

    /** The 12-byte banner announcing this version. */
    public byte[] banner() {
        return String.format("RFB %03d.%03d\n", major, minor).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
