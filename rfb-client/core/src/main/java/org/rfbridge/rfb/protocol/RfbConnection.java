// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.rfbridge.rfb.pixel.ColourMap;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.security.SecurityHandler;
import org.rfbridge.rfb.security.SecurityTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RFB client session as a state machine that does no I/O (RFC 6143 section 7).
 *
 * <p>Feed it what the server sent with {@link #receive}, then call {@link #step()} until it returns false
 * (starved), then send what {@link #takeOutput()} returns. {@link #step()} handles one handshake phase, one
 * message header, one rectangle, or one run of message data. When the transport reports the end of the
 * stream, call {@link #endOfStream()}. Any exception ends the connection: it moves to {@link State#FAILED}
 * and every later {@code step()} throws {@link IllegalStateException}.
 *
 * <p>After the handshake the connection asks for the pixel format, announces the encodings of its decoder
 * registry, and requests the whole framebuffer. Each later incremental request is sent only when the
 * consumer calls {@link #updateConsumed()} (or at once, with auto-acknowledgement), so a slow consumer
 * slows the server instead of queueing frames.
 *
 * <p>Not thread-safe: one thread (the session thread) calls every method, and {@link ConnectionEvents} are
 * called on it.
 */
public final class RfbConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RfbConnection.class);
    private static final int TIGHT_CAPABILITY_SIZE = 16;
    private static final int SERVER_INIT_HEADER_SIZE = 24;
    private static final String NO_REASON = "the server gave no reason";

    /** Phases of a session, in order; {@link #FAILED} is terminal. The JavaScript core has the same states. */
    public enum State {
        PROTOCOL_VERSION, SECURITY_TYPES, REFUSED_REASON, SECURITY, SECURITY_RESULT, AUTH_FAILURE_REASON,
        SERVER_INIT, TIGHT_CAPABILITIES, NORMAL, FAILED
    }

    private final ConnectionOptions options;
    private final ConnectionEvents events;
    private final RfbInput in = new RfbInput();
    private final RfbOutput out = new RfbOutput();
    private final ClientMessageWriter writer = new ClientMessageWriter(out);
    private final DecodeStats stats = new DecodeStats();

    private State state = State.PROTOCOL_VERSION;
    private RfbException failure;
    private ProtocolVersion serverVersion;
    private ProtocolVersion version;
    private List<Integer> offeredSecurityTypes = List.of();
    private SecurityHandler security;
    private long tightCapabilitiesToSkip = -1;
    private SessionInfo info;

    private Framebuffer framebuffer;
    private PixelFormat pixelFormat;
    private ServerMessageReader reader;
    private boolean requestOutstanding;
    private boolean awaitingConsumer;
    private boolean fullUpdateNeeded;

    public RfbConnection(ConnectionOptions options, ConnectionEvents events) {
        this.options = Objects.requireNonNull(options, "options");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Appends bytes received from the server. */
    public void receive(byte[] data, int offset, int length) {
        in.append(data, offset, length);
        stats.received(length);
    }

    /** Appends bytes received from the server. */
    public void receive(byte[] data) {
        receive(data, 0, data.length);
    }

    /**
     * Processes the next unit of server data.
     *
     * @return true when it made progress (call again); false when it needs more bytes
     * @throws RfbException the typed reason the session is over
     * @throws IllegalStateException if the connection had already failed
     */
    public boolean step() throws RfbException {
        if (state == State.FAILED) {
            throw new IllegalStateException("the connection failed earlier: " + failure.getMessage(), failure);
        }
        try {
            return advance();
        } catch (RfbException e) {
            throw fail(e);
        } catch (RuntimeException e) {
            // The framebuffer's own bounds checks are the second line of defence behind the reader's.
            throw fail(new RfbException(ErrorCode.INTERNAL, "rejected server data: " + e.getMessage(), e));
        }
    }

    private RfbException fail(RfbException e) {
        state = State.FAILED;
        failure = e;
        return e;
    }

    /**
     * Reports that the server's byte stream ended, and throws the exception that describes it: an
     * authentication failure if the server closed while its failure reason was due (some servers omit it),
     * otherwise an {@link RfbEndOfStreamException} saying where the stream stopped.
     */
    public void endOfStream() throws RfbException {
        if (state == State.FAILED) {
            throw failure;
        }
        if (state == State.AUTH_FAILURE_REASON) {
            throw fail(new RfbAuthenticationException(NO_REASON));
        }
        String where;
        if (state == State.NORMAL) {
            where = reader.isBetweenMessages() && in.available() == 0 ? "" : " " + reader.position(in.available());
        } else if (stats.bytesReceived() == 0) {
            where = " before sending anything";
        } else {
            where = " during the handshake (" + describe(state) + ")";
        }
        throw fail(new RfbEndOfStreamException("the server closed the connection" + where));
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

    private boolean advance() throws RfbException {
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
            case NORMAL:
                return reader.read(in);
            default:
                throw new IllegalStateException(state.toString());
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
        checkFramebufferSize("the server's framebuffer", width, height);
        serverFormat.validate();
        checkStringLength("desktop name", nameLength);
        if (!in.has((int) nameLength)) {
            in.reset();
            return false;
        }
        in.unmark();
        String name = ServerText.decode(in.readBytes((int) nameLength)); // name-string
        framebuffer = allocateFramebuffer(width, height, null);
        pixelFormat = options.keepServerPixelFormat() ? serverFormat : options.pixelFormat();
        info = new SessionInfo(serverVersion, version, offeredSecurityTypes, security.type(), width, height,
                serverFormat, pixelFormat, name);
        if (security.enablesTightExtensions()) {
            state = State.TIGHT_CAPABILITIES;
            return true;
        }
        finishHandshake();
        return true;
    }

    /**
     * Throws unless {@code width} x {@code height} is a size the client shows: an empty desktop cannot be shown
     * or asked for updates, a huge one would be a huge allocation.
     */
    static void checkFramebufferSize(String what, int width, int height) throws RfbProtocolException {
        if (width < 1 || height < 1 || width > Limits.MAX_FRAMEBUFFER_SIDE || height > Limits.MAX_FRAMEBUFFER_SIDE) {
            throw new RfbProtocolException(ErrorCode.BAD_FRAMEBUFFER_SIZE, what + " " + width + "x" + height
                    + " is outside 1x1.." + Limits.MAX_FRAMEBUFFER_SIDE + "x" + Limits.MAX_FRAMEBUFFER_SIDE);
        }
    }

    private static void checkStringLength(String what, long length) throws RfbProtocolException {
        if (length > Limits.MAX_STRING_BYTES) {
            throw new RfbProtocolException(ErrorCode.LENGTH_OVER_LIMIT, what + " of " + length
                    + " bytes exceeds the " + Limits.MAX_STRING_BYTES + "-byte limit");
        }
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
        finishHandshake();
        return true;
    }

    private void finishHandshake() {
        reader = new ServerMessageReader(new Handler(), options.decoders(), options.maxCutTextBytes(), stats);
        if (!options.keepServerPixelFormat()) {
            writer.setPixelFormat(pixelFormat);
        }
        writer.setEncodings(options.decoders().encodings());
        state = State.NORMAL;
        requestUpdate(false);
        LOG.debug("handshake complete: {}", info);
        events.onConnected(info);
    }

    private void requestUpdate(boolean incremental) {
        writer.framebufferUpdateRequest(incremental, 0, 0, framebuffer.width(), framebuffer.height());
        requestOutstanding = true;
    }

    /**
     * A framebuffer of an already validated size, black except for what {@code previous} (if any) has where
     * the two overlap. Up to 16384x16384 is legal, which is 1 GiB of pixels: a JVM without that much room
     * fails this session with a clear error instead of dying elsewhere.
     */
    private static Framebuffer allocateFramebuffer(int width, int height, Framebuffer previous)
            throws RfbProtocolException {
        try {
            Framebuffer fb = new Framebuffer(width, height);
            if (previous != null) {
                fb.copyFrom(previous);
            }
            return fb;
        } catch (OutOfMemoryError e) {
            throw new RfbProtocolException(ErrorCode.BAD_FRAMEBUFFER_SIZE, "a " + width + "x" + height
                    + " framebuffer needs " + ((long) width * height * 4 >> 20)
                    + " MiB, more than this JVM can allocate");
        }
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

    /**
     * Tells the connection that the consumer has taken the last framebuffer update; the next incremental
     * update is requested now if none is outstanding. Harmless when there is nothing to acknowledge.
     */
    public void updateConsumed() {
        requireNormal();
        awaitingConsumer = false;
        if (!requestOutstanding) {
            requestUpdate(!fullUpdateNeeded);
            fullUpdateNeeded = false;
        }
    }

    /** Requests the whole framebuffer now (a non-incremental FramebufferUpdateRequest). */
    public void requestFullUpdate() {
        requireNormal();
        requestUpdate(false);
    }

    /** Sends a KeyEvent; {@code keysym} is an X11 keysym (see {@link Keysyms}). */
    public void sendKeyEvent(int keysym, boolean down) {
        requireNormal();
        writer.keyEvent(down, keysym);
    }

    /**
     * Sends a PointerEvent. The position is clamped to the framebuffer, as the protocol has no way to say
     * "outside".
     */
    public void sendPointerEvent(int x, int y, int buttonMask) {
        requireNormal();
        int clampedX = Math.max(0, Math.min(x, framebuffer.width() - 1));
        int clampedY = Math.max(0, Math.min(y, framebuffer.height() - 1));
        writer.pointerEvent(buttonMask, clampedX, clampedY);
    }

    /** Sends ClientCutText (ISO-8859-1; other characters become '?', line ends become LF). */
    public void sendClientCutText(String text) {
        requireNormal();
        writer.clientCutText(text);
    }

    private void requireNormal() {
        if (state != State.NORMAL) {
            throw new IllegalStateException("the connection is " + state + ", not NORMAL");
        }
    }

    /** Whether bytes are waiting to be sent. */
    public boolean hasOutput() {
        return out.size() > 0;
    }

    /** The bytes to send to the server, in order; the queue is emptied. */
    public byte[] takeOutput() {
        return out.take();
    }

    /** What has been received and decoded so far; its snapshots may be taken on any thread. */
    public DecodeStats stats() {
        return stats;
    }

    public State state() {
        return state;
    }

    /** What the handshake established, or null before it completed. */
    public SessionInfo sessionInfo() {
        return info;
    }

    /** The current framebuffer, or null before ServerInit. Replaced when the desktop is resized. */
    public Framebuffer framebuffer() {
        return framebuffer;
    }

    /** The pixel format updates are decoded in, or null before ServerInit. */
    public PixelFormat pixelFormat() {
        return pixelFormat;
    }

    private final class Handler implements ServerMessageHandler {
        @Override
        public PixelFormat pixelFormat() {
            return pixelFormat;
        }

        @Override
        public Framebuffer framebuffer() {
            return framebuffer;
        }

        @Override
        public void framebufferUpdate(List<Rect> dirty) {
            requestOutstanding = false;
            awaitingConsumer = true;
            events.onFramebufferUpdate(framebuffer, dirty);
            if (options.autoAcknowledgeUpdates() && awaitingConsumer) {
                updateConsumed();
            }
        }

        @Override
        public void desktopSizeChanged(int width, int height) throws RfbProtocolException {
            LOG.debug("desktop resized to {}x{}", width, height);
            framebuffer = allocateFramebuffer(width, height, framebuffer);
            fullUpdateNeeded = true;
            events.onDesktopResized(framebuffer);
        }

        @Override
        public void cursorShapeChanged(CursorShape shape) {
            events.onCursorShape(shape);
        }

        @Override
        public void colourMapEntries(int firstColour, int[] argb) {
            ColourMap map = pixelFormat.colourMap().withEntries(firstColour, argb, 0, argb.length);
            pixelFormat = pixelFormat.withColourMap(map);
        }

        @Override
        public void bell() {
            events.onBell();
        }

        @Override
        public void serverCutText(String text) {
            events.onClipboard(text);
        }
    }
}
