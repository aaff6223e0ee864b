// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.nio.charset.StandardCharsets;

/** The RFB protocol versions the demo server speaks (RFC 6143 §7.1.1). */
public enum RfbVersion {
    V3_3(3, "3.3"),
    V3_7(7, "3.7"),
    V3_8(8, "3.8");

    /** Length of a ProtocolVersion message: {@code "RFB xxx.yyy\n"}. */
    public static final int BANNER_LENGTH = 12;

    private final int minor;
    private final String label;

    RfbVersion(int minor, String label) {
        this.minor = minor;
        this.label = label;
    }

    /** The ProtocolVersion message announcing this version. */
    public byte[] banner() {
        return String.format("RFB 003.%03d\n", minor).getBytes(StandardCharsets.US_ASCII);
    }

    /** "3.3", "3.7" or "3.8". */
    public String label() {
        return label;
    }

    /**
     * @param label "3.3", "3.7" or "3.8"
     * @throws IllegalArgumentException for anything else
     */
    public static RfbVersion fromLabel(String label) {
        for (RfbVersion version : values()) {
            if (version.label.equals(label)) {
                return version;
            }
        }
        throw new IllegalArgumentException("RFB version '" + label + "' is not one of 3.3, 3.7, 3.8");
    }

    /**
     * Interprets the ProtocolVersion a client answered. Minor versions other than 7 and 8 below 8 mean 3.3
     * (the RFC's rule, which covers 3.5 clients); 8 and above mean 3.8.
     *
     * @throws ClientProtocolException if the bytes are not {@code "RFB 003.yyy\n"}, quoting them
     */
    static RfbVersion fromClientBanner(byte[] banner) throws ClientProtocolException {
        String text = new String(banner, StandardCharsets.ISO_8859_1);
        boolean shaped = banner.length == BANNER_LENGTH && text.startsWith("RFB ") && text.charAt(7) == '.'
                && text.charAt(11) == '\n' && digits(text, 4, 7) && digits(text, 8, 11);
        if (!shaped) {
            throw new ClientProtocolException("client version '" + printable(text) + "' is not RFB xxx.yyy");
        }
        int major = Integer.parseInt(text.substring(4, 7));
        int minor = Integer.parseInt(text.substring(8, 11));
        if (major != 3) {
            throw new ClientProtocolException("client speaks RFB " + major + "." + minor + "; only 3.x is supported");
        }
        if (minor >= 8) {
            return V3_8;
        }
        return minor == 7 ? V3_7 : V3_3;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }
}
