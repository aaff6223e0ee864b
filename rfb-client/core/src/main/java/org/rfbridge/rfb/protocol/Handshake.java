// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.ArrayList;
import java.util.List;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.Limits;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.RfbConnectionRefusedException;
import org.rfbridge.rfb.RfbEndOfStreamException;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.RfbUnsupportedSecurityException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.protocol.RfbConnection.State;
import org.rfbridge.rfb.security.SecurityHandler;
import org.rfbridge.rfb.security.SecurityTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's side of the RFB handshake (RFC 6143 sections 7.1 to 7.3, and TightVNC's capability lists):
 * from the server's version banner to the end of ServerInit. The JavaScript core's {@code handshake.js}.
 *
 * <p>Each {@link #step()} handles one phase as far as the bytes allow and consumes nothing it cannot use
 * whole, so the server's bytes may arrive in any pieces. Its states are the first ones of
 * {@link RfbConnection.State}; it reaches {@link State#NORMAL} when {@link #info()} is known and the session
 * can begin. Every length the server sends is checked before the client waits for it.
 */
final class Handshake {
    private static final Logger LOG = LoggerFactory.getLogger(Handshake.class);
    private static final int TIGHT_CAPABILITY_SIZE = 16;
    private static final int SERVER_INIT_HEADER_SIZE = 24;
    private static final String NO_REASON = "the server gave no reason";

    private final ConnectionOptions options;
    private final RfbInput in;
    private final RfbOutput out;

    private State state = State.PROTOCOL_VERSION;
    private ProtocolVersion serverVersion;
    private ProtocolVersion version;
    private List<Integer> offeredSecurityTypes = List.of();
    private SecurityHandler security;
    private long tightCapabilitiesToSkip = -1;
    private SessionInfo info;

    Handshake(ConnectionOptions options, RfbInput in, RfbOutput out) {
        this.options = options;
        this.in = in;
        this.out = out;
    }

    /** Where the handshake is; {@link State#NORMAL} once it is complete. */
    State state() {
        return state;
    }

    boolean isComplete() {
        return state == State.NORMAL;
    }

    /** What the handshake established; null until it is complete. */
    SessionInfo info() {
        return isComplete() ? info : null;
    }

    /**
     * Runs the current phase.
     *
     * @return true when it made progress; false when it needs more bytes
     */
    boolean step() throws RfbException {
        switch (state) {
            case PROTOCOL_VERSION:
                return readProtocolVersion();
            case SECURITY_TYPES:
                return version.equals(ProtocolVersion.V3_3) ? readSecurityType33() : readSecurityTypes();
            case REFUSED_REASON:
                return readRefusedReason();
            case SECURITY:
                return runSecurity();
            case SECURITY_RESULT:
                return readSecurityResult();
            case AUTH_FAILURE_REASON:
                return readAuthFailureReason();
            case SERVER_INIT:
                return readServerInit();
            case TIGHT_CAPABILITIES:
                return skipTightCapabilities();
            default:
                throw new IllegalStateException("the handshake is " + state);
        }
    }

    /**
     * The failure that the server's closing the stream now means: a login failure if its reason was due (some
     * servers close instead of sending it), otherwise an end of stream saying how far the handshake got.
     */
    RfbException endOfStream(boolean anythingReceived) {
        if (state == State.AUTH_FAILURE_REASON) {
            return new RfbAuthenticationException(NO_REASON);
        }
        return new RfbEndOfStreamException("the server closed the connection"
                + (anythingReceived ? " during the handshake (" + describe(state) + ")" : " before sending anything"));
    }

    private static String describe(State state) {
        switch (state) {
            case PROTOCOL_VERSION: return "waiting for the protocol version";
            case SECURITY_TYPES: return "waiting for the security types";
            case REFUSED_REASON: return "waiting for the reason of a refusal";
            case SECURITY: return "in the security exchange";
            case SECURITY_RESULT: return "waiting for the security result";
            case SERVER_INIT: return "waiting for ServerInit";
            case TIGHT_CAPABILITIES: return "waiting for TightVNC capabilities";
            default: return state.toString();
        }
    }

    // RFC 6143 section 7.1.1
    private boolean readProtocolVersion() throws RfbException {
        if (!in.has(ProtocolVersion.BANNER_LENGTH)) {
            return false;
        }
        serverVersion = ProtocolVersion.parseBanner(in.readBytes(ProtocolVersion.BANNER_LENGTH));
        version = serverVersion.negotiate();
        out.writeBytes(version.banner()); // ProtocolVersion
        LOG.debug("server announced RFB {}, speaking {}", serverVersion, version);
        state = State.SECURITY_TYPES;
        return true;
    }

    // RFC 6143 section 7.1.2, version 3.3: the server decides.
    private boolean readSecurityType33() throws RfbException {
        if (!in.has(4)) {
            return false;
        }
        long type = in.readU32(); // security-type
        if (type == SecurityTypes.INVALID) {
            state = State.REFUSED_REASON;
            return true;
        }
        // Tight needs the list of 3.7 and later to be chosen from, so it never fits 3.3.
        if (type > 0xFF || !options.securityTypes().contains((int) type) || type == SecurityTypes.TIGHT) {
            throw new RfbUnsupportedSecurityException("the RFB 3.3 server requires "
                    + "security type " + SecurityTypes.describe(type) + ", which this client does not accept");
        }
        offeredSecurityTypes = List.of((int) type);
        startSecurity((int) type);
        return true;
    }

    // RFC 6143 section 7.1.2, versions 3.7 and 3.8: the server offers, the client chooses.
    private boolean readSecurityTypes() throws RfbException {
        if (!in.has(1)) {
            return false;
        }
        int count = in.peekU8(0); // number-of-security-types
        if (count == 0) {
            in.skip(1);
            state = State.REFUSED_REASON;
            return true;
        }
        if (!in.has(1 + count)) {
            return false;
        }
        in.skip(1);
        List<Integer> offered = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            offered.add(in.readU8()); // security-types
        }
        offeredSecurityTypes = List.copyOf(offered);
        int chosen = chooseSecurityType(offered);
        out.writeU8(chosen); // security-type
        startSecurity(chosen);
        return true;
    }

    /** The first of the client's accepted types, in the client's order of preference, that the server offers. */
    private int chooseSecurityType(List<Integer> offered) throws RfbUnsupportedSecurityException {
        for (int type : options.securityTypes()) {
            if (offered.contains(type)) {
                return type;
            }
        }
        List<String> names = new ArrayList<>();
        offered.forEach(type -> names.add(SecurityTypes.describe(type)));
        throw new RfbUnsupportedSecurityException("the server offers security types "
                + String.join(", ", names) + " and none of them is one this client accepts");
    }

    private void startSecurity(int type) {
        LOG.debug("security type {}", SecurityTypes.describe(type));
        security = SecurityTypes.createHandler(type, options.passwords());
        state = State.SECURITY;
    }

    private boolean readRefusedReason() throws RfbException {
        String reason = readString("refusal reason");
        if (reason == null) {
            return false;
        }
        throw new RfbConnectionRefusedException(reason.isEmpty() ? NO_REASON : reason);
    }

    private boolean runSecurity() throws RfbException {
        if (!security.process(in, out)) {
            return false;
        }
        // Before 3.8, servers skip SecurityResult when nothing was authenticated.
        if (version.equals(ProtocolVersion.V3_8) || security.authenticated()) {
            state = State.SECURITY_RESULT;
        } else {
            sendClientInit();
        }
        return true;
    }

    // RFC 6143 section 7.1.3
    private boolean readSecurityResult() throws RfbException {
        if (!in.has(4)) {
            return false;
        }
        long result = in.readU32(); // status
        if (result == 0) {
            sendClientInit();
            return true;
        }
        if (version.equals(ProtocolVersion.V3_8)) {
            state = State.AUTH_FAILURE_REASON;
            return true;
        }
        throw new RfbAuthenticationException(result == 2 ? "too many attempts" : "the server rejected the login");
    }

    private boolean readAuthFailureReason() throws RfbException {
        String reason = readString("authentication failure reason");
        if (reason == null) {
            return false;
        }
        throw new RfbAuthenticationException(reason.isEmpty() ? NO_REASON : reason);
    }

    // RFC 6143 section 7.3.1
    private void sendClientInit() {
        out.writeU8(options.shared() ? 1 : 0); // shared-flag
        state = State.SERVER_INIT;
    }

    // RFC 6143 section 7.3.2
    private boolean readServerInit() throws RfbException {
        if (!in.has(SERVER_INIT_HEADER_SIZE)) {
            return false;
        }
        in.mark();
        int width = in.readU16(); // framebuffer-width
        int height = in.readU16(); // framebuffer-height
        PixelFormat serverFormat = PixelFormat.read(in); // server-pixel-format
        long nameLength = in.readU32(); // name-length
        Limits.checkFramebufferSize("the server's framebuffer", width, height);
        serverFormat.validate();
        checkStringLength("desktop name", nameLength);
        if (!in.has((int) nameLength)) {
            in.reset();
            return false;
        }
        in.unmark();
        String name = ServerText.decode(in.readBytes((int) nameLength)); // name-string
        PixelFormat pixelFormat = options.keepServerPixelFormat() ? serverFormat : options.pixelFormat();
        info = new SessionInfo(serverVersion, version, offeredSecurityTypes, security.type(), width, height,
                serverFormat, pixelFormat, name);
        state = security.enablesTightExtensions() ? State.TIGHT_CAPABILITIES : State.NORMAL;
        return true;
    }

    // TightVNC servers follow ServerInit with counts of server, client and encoding capabilities, then the
    // capabilities; nothing in them changes what this client does, so they are skipped as they stream past.
    private boolean skipTightCapabilities() throws RfbProtocolException {
        if (tightCapabilitiesToSkip < 0) {
            if (!in.has(8)) {
                return false;
            }
            long capabilities = 0;
            for (String list : new String[] {"server message", "client message", "encoding"}) {
                int count = in.readU16(); // number-of-server-messages, -client-messages, -encodings
                if (count > Limits.MAX_TIGHT_CAPABILITIES) {
                    throw new RfbProtocolException(ErrorCode.LENGTH_OVER_LIMIT, "TightVNC ServerInit lists " + count
                            + " " + list + " capabilities, more than the " + Limits.MAX_TIGHT_CAPABILITIES
                            + " accepted");
                }
                capabilities += count;
            }
            in.skip(2); // padding
            tightCapabilitiesToSkip = capabilities * TIGHT_CAPABILITY_SIZE;
        }
        tightCapabilitiesToSkip -= in.skipAvailable(tightCapabilitiesToSkip);
        if (tightCapabilitiesToSkip > 0) {
            return false;
        }
        state = State.NORMAL;
        return true;
    }

    /** Reads a u32 length and that many bytes of text, or returns null (consuming nothing) when starved. */
    private String readString(String what) throws RfbProtocolException {
        if (!in.has(4)) {
            return null;
        }
        in.mark();
        long length = in.readU32();
        checkStringLength(what, length);
        if (!in.has((int) length)) {
            in.reset();
            return null;
        }
        in.unmark();
        return ServerText.decode(in.readBytes((int) length));
    }

    private static void checkStringLength(String what, long length) throws RfbProtocolException {
        if (length > Limits.MAX_STRING_BYTES) {
            throw new RfbProtocolException(ErrorCode.LENGTH_OVER_LIMIT, what + " of " + length
                    + " bytes exceeds the " + Limits.MAX_STRING_BYTES + "-byte limit");
        }
    }
}
