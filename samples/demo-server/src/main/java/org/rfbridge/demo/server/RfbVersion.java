// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.protocol.ProtocolVersion;

/** The RFB protocol versions the demo server speaks (RFC 6143 §7.1.1). */
public enum RfbVersion {
    V3_3(3, "3.3"),
    V3_7(7, "3.7"),
    V3_8(8, "3.8");

    /** Length of a ProtocolVersion message: {@code "RFB xxx.yyy\n"}. */
    public static final int BANNER_LENGTH = ProtocolVersion.BANNER_LENGTH;

    private final int minor;
    private final String label;

    RfbVersion(int minor, String label) {
        this.minor = minor;
        this.label = label;
    }

    /** The ProtocolVersion message announcing this version. */
    public byte[] banner() {
        return protocolVersion().banner();
    }

    /** This version as the RFB core library names it. */
    public ProtocolVersion protocolVersion() {
        return new ProtocolVersion(3, minor);
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
     * Interprets the ProtocolVersion a client answered, by the core library's rules: minor versions below 7
     * mean 3.3 (which covers 3.5 clients), 8 and above mean 3.8. A client must not answer with a later major
     * version than the server's, so 4.x is refused here.
     *
     * @throws ClientProtocolException if the bytes are not {@code "RFB 003.yyy\n"}, quoting them
     */
    static RfbVersion fromClientBanner(byte[] banner) throws ClientProtocolException {
        ProtocolVersion answered;
        try {
            answered = ProtocolVersion.parseBanner(banner);
        } catch (RfbProtocolException e) {
            throw new ClientProtocolException("client version: " + e.getMessage());
        }
        if (answered.major() != 3) {
            throw new ClientProtocolException("client speaks RFB " + answered + "; only 3.x is supported");
        }
        ProtocolVersion spoken;
        try {
            spoken = answered.negotiate();
        } catch (RfbProtocolException e) {
            throw new ClientProtocolException(e.getMessage());
        }
        for (RfbVersion version : values()) {
            if (version.protocolVersion().equals(spoken)) {
                return version;
            }
        }
        throw new IllegalStateException("no demo version for " + spoken);
    }
}
