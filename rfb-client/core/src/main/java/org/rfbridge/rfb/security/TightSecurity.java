// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.Limits;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.RfbUnsupportedSecurityException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;

/**
 * TightVNC's security type 16, as TightVNC 1.3 servers ({@code Xtightvnc}) offer it. The server lists
 * tunnelling capabilities (the client picks "no tunnelling", code 0), then authentication capabilities (the
 * client picks None or VNC Authentication, which then runs as usual). Each capability is 16 bytes: a code,
 * a 4-byte vendor and an 8-byte name. Choosing this type also switches on TightVNC's protocol extensions:
 * the server sends its capability lists after ServerInit.
 *
 * <p>Capabilities are read one at a time, so the lists' lengths, which come from the server, never size an
 * allocation.
 */
public final class TightSecurity implements SecurityHandler {
    /** Tunnel code for "no tunnelling" (vendor TGHT, name NOTUNNEL). */
    public static final int NO_TUNNEL = 0;
    /** Authentication capability code for None (vendor STDV, name NOAUTH__). */
    public static final int AUTH_NONE = 1;
    /** Authentication capability code for VNC Authentication (vendor STDV, name VNCAUTH_). */
    public static final int AUTH_VNC = 2;

    private static final int CAPABILITY_SIZE = 16;
    private static final int MAX_LISTED = 16;

    private enum State { TUNNEL_COUNT, TUNNEL_CAPS, AUTH_COUNT, AUTH_CAPS, INNER, DONE }

    private final PasswordProvider passwords;
    private State state = State.TUNNEL_COUNT;
    private long remaining;
    private boolean sawNoTunnel;
    private boolean sawAuthNone;
    private boolean sawAuthVnc;
    private final List<String> offered = new ArrayList<>();
    private SecurityHandler inner;

    public TightSecurity(PasswordProvider passwords) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    @Override
    public int type() {
        return SecurityTypes.TIGHT;
    }

    @Override
    public boolean process(RfbInput in, RfbOutput out) throws RfbException {
        while (true) {
            switch (state) {
                case TUNNEL_COUNT:
                    if (!in.has(4)) {
                        return false;
                    }
                    remaining = readCount(in, "tunnels");
                    state = remaining == 0 ? State.AUTH_COUNT : State.TUNNEL_CAPS;
                    break;
                case TUNNEL_CAPS:
                    if (!in.has(CAPABILITY_SIZE)) {
                        return false;
                    }
                    int tunnel = readCapability(in);
                    sawNoTunnel |= tunnel == NO_TUNNEL;
                    if (--remaining == 0) {
                        if (!sawNoTunnel) {
                            throw unsupported("tunnels");
                        }
                        out.writeU32(NO_TUNNEL); // tunnel type
                        offered.clear();
                        state = State.AUTH_COUNT;
                    }
                    break;
                case AUTH_COUNT:
                    if (!in.has(4)) {
                        return false;
                    }
                    remaining = readCount(in, "authentication types");
                    if (remaining == 0) {
                        // The server requires no authentication and sends no choice to make.
                        inner = new NoneSecurity();
                        state = State.DONE;
                        return true;
                    }
                    state = State.AUTH_CAPS;
                    break;
                case AUTH_CAPS:
                    if (!in.has(CAPABILITY_SIZE)) {
                        return false;
                    }
                    int auth = readCapability(in);
                    sawAuthNone |= auth == AUTH_NONE;
                    sawAuthVnc |= auth == AUTH_VNC;
                    if (--remaining == 0) {
                        chooseAuthentication(out);
                        state = State.INNER;
                    }
                    break;
                case INNER:
                    if (!inner.process(in, out)) {
                        return false;
                    }
                    state = State.DONE;
                    return true;
                case DONE:
                    return true;
                default:
                    throw new IllegalStateException(state.toString());
            }
        }
    }

    private void chooseAuthentication(RfbOutput out) throws RfbUnsupportedSecurityException {
        if (sawAuthNone) {
            out.writeU32(AUTH_NONE); // authentication type
            inner = new NoneSecurity();
        } else if (sawAuthVnc) {
            out.writeU32(AUTH_VNC); // authentication type
            inner = new VncAuthSecurity(passwords);
        } else {
            throw unsupported("authentication types");
        }
    }

    /** A capability count, refused at once when larger than any server sends, instead of read for minutes. */
    private static long readCount(RfbInput in, String what) throws RfbProtocolException {
        long count = in.readU32();
        if (count > Limits.MAX_TIGHT_CAPABILITIES) {
            throw new RfbProtocolException(ErrorCode.LENGTH_OVER_LIMIT, "TightVNC security lists " + count + " "
                    + what + ", more than the " + Limits.MAX_TIGHT_CAPABILITIES + " accepted");
        }
        return count;
    }

    private RfbUnsupportedSecurityException unsupported(String what) {
        return new RfbUnsupportedSecurityException("TightVNC security offers only the "
                + what + " " + String.join(", ", offered) + ", none of which this client supports");
    }

    /** Reads one 16-byte capability and remembers it for messages; returns its code. */
    private int readCapability(RfbInput in) {
        int code = in.readS32();
        String vendor = printable(in.readBytes(4));
        String name = printable(in.readBytes(8));
        if (offered.size() < MAX_LISTED) {
            offered.add(vendor + "/" + name + " (" + code + ")");
        }
        return code;
    }

    private static String printable(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.codePoints().allMatch(c -> c >= 0x20 && c < 0x7F) ? text : "?";
    }

    @Override
    public boolean authenticated() {
        return inner != null && inner.authenticated();
    }

    @Override
    public boolean enablesTightExtensions() {
        return true;
    }
}
