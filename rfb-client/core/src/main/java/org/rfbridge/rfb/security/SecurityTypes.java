// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.security;

import java.util.List;

/**
 * Security type numbers (RFC 6143 section 7.2 and the IANA registry), their names for logs and messages, and
 * the factory of handlers for the supported ones. Adding a type is one handler class plus one line in
 * {@link #createHandler}.
 */
public final class SecurityTypes {
    public static final int INVALID = 0;
    public static final int NONE = 1;
    public static final int VNC_AUTH = 2;
    public static final int RA2 = 5;
    public static final int RA2NE = 6;
    public static final int TIGHT = 16;
    public static final int ULTRA = 17;
    public static final int TLS = 18;
    public static final int VENCRYPT = 19;
    public static final int SASL = 20;
    public static final int MD5 = 21;
    public static final int XVP = 22;
    public static final int ARD = 30;
    public static final int MS_LOGON_2 = 113;

    /**
     * The types this library implements, in the order it prefers by default: None needs no password, and
     * TightVNC's type only wraps the other two. The JavaScript core has the same list and order.
     */
    public static final List<Integer> SUPPORTED = List.of(NONE, VNC_AUTH, TIGHT);

    private SecurityTypes() {
    }

    /** Whether {@link #createHandler} can make a handler for {@code type}. */
    public static boolean isSupported(int type) {
        return SUPPORTED.contains(type);
    }

    /**
     * A handler for {@code type}.
     *
     * @throws IllegalArgumentException if the type is not {@linkplain #isSupported supported}
     */
    public static SecurityHandler createHandler(int type, PasswordProvider passwords) {
        switch (type) {
            case NONE:
                return new NoneSecurity();
            case VNC_AUTH:
                return new VncAuthSecurity(passwords);
            case TIGHT:
                return new TightSecurity(passwords);
            default:
                throw new IllegalArgumentException("unsupported security type " + describe(type));
        }
    }

    /** The type's name, for example {@code "VNC Authentication"}, or {@code "unknown"}. */
    public static String name(int type) {
        switch (type) {
            case INVALID: return "Invalid";
            case NONE: return "None";
            case VNC_AUTH: return "VNC Authentication";
            case RA2: return "RA2";
            case RA2NE: return "RA2ne";
            case TIGHT: return "Tight";
            case ULTRA: return "Ultra";
            case TLS: return "TLS";
            case VENCRYPT: return "VeNCrypt";
            case SASL: return "SASL";
            case MD5: return "MD5 hash";
            case XVP: return "xvp";
            case ARD: return "Apple Remote Desktop";
            case MS_LOGON_2: return "MS-Logon II";
            default: return "unknown";
        }
    }

    /** For example {@code "VNC Authentication (2)"}; {@code type} may be any u32 from the wire. */
    public static String describe(long type) {
        return (type >= 0 && type <= 0xFF ? name((int) type) : "unknown") + " (" + type + ")";
    }
}
