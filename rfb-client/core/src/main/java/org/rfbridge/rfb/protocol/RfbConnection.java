// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    /** Longest desktop name or reason string accepted. */
    public static final int MAX_STRING_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RfbConnection.class);
    private static final int TIGHT_CAPABILITY_SIZE = 16;

    /** Phases of a session, in order; {@link #FAILED} is terminal. */
    public enum State {
        PROTOCOL_VERSION, SECURITY_TYPE, REFUSED_REASON, SECURITY, SECURITY_RESULT, AUTH_FAILURE_REASON,
        SERVER_INIT, TIGHT_CAPABILITIES, NORMAL, FAILED
    }

    private final ConnectionOptions options;
    private final ConnectionEvents events;
    private final RfbInput in = new RfbInput();
    private final RfbOutput out = new RfbOutput();
    private final ClientMessageWriter writer = new ClientMessageWriter(out);

    private State state = State.PROTOCOL_VERSION;
    private RfbException failure;
    private ProtocolVersion serverVersion;
    private ProtocolVersion version;
    private List<Integer> offeredSecurityTypes = List.of();
    private SecurityHandler security;
    private long tightCapabilitiesToSkip;
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
    }

    /** Appends bytes received from the server. */
    public void receive(byte[] data) {
        in.append(data, 0, data.length);
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
            throw fail(new RfbProtocolException("rejected server data: " + e.getMessage(), e));
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
            throw fail(new RfbAuthenticationException("authentication failed"));
        }
        String where;
        if (state == State.NORMAL) {
            where = reader.isBetweenMessages() && in.available() == 0
                    ? null : reader.position() + " (" + in.available() + " bytes of it unprocessed)";
        } else {
            where = "during the handshake (" + describe(state) + ", " + in.available() + " bytes unprocessed)";
        }
        throw fail(new RfbEndOfStreamException(where == null
                ? "the server closed the connection" : "the server closed the connection " + where));
    }

    private static String describe(State state) {
        switch (state) {
            case PROTOCOL_VERSION: return "waiting for the protocol version";
            case SECURITY_TYPE: return "waiting for the security types";
            case REFUSED_REASON: return "waiting for the reason of a refusal";
            case SECURITY: return "security exchange";
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
            case SECURITY_TYPE:
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
        state = State.SECURITY_TYPE;
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
        if (type > 0xFF || !SecurityTypes.isSupported((int) type) || type == SecurityTypes.TIGHT) {
            throw new RfbUnsupportedSecurityException("the RFB 3.3 server requires security type "
                    + (type > 0xFF ? Long.toString(type) : SecurityTypes.describe((int) type))
                    + ", which rfbridge does not support");
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

    private int chooseSecurityType(List<Integer> offered) throws RfbUnsupportedSecurityException {
        List<Integer> preference = options.securityTypes();
        if (preference.isEmpty()) {
            for (int type : offered) {
                if (SecurityTypes.isSupported(type)) {
                    return type;
                }
            }
        } else {
            for (int type : preference) {
                if (offered.contains(type)) {
                    return type;
                }
            }
        }
        List<String> names = new ArrayList<>();
        offered.forEach(type -> names.add(SecurityTypes.describe(type)));
        throw new RfbUnsupportedSecurityException("the server offers security types " + String.join(", ", names)
                + " and none of them is one this client accepts");
    }

    private void startSecurity(int type) {
        LOG.debug("security type {}", SecurityTypes.describe(type));
        security = SecurityTypes.createHandler(type, options.passwords());
        state = State.SECURITY;
    }

    private boolean readRefusedReason() throws RfbException {
        String reason = readString("reason");
        if (reason == null) {
            return false;
        }
        throw new RfbConnectionRefusedException(reason.isEmpty() ? "the server refused the connection" : reason);
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
        throw new RfbAuthenticationException(result == 2
                ? "authentication failed: too many attempts" : "authentication failed");
    }

    private boolean readAuthFailureReason() throws RfbException {
        String reason = readString("authentication failure reason");
        if (reason == null) {
            return false;
        }
        // QEMU counts the C string's terminating NUL in the length; it is not part of what the user should read.
        String shown = reason.replaceAll("\\x00+$", "");
        throw new RfbAuthenticationException(shown.isEmpty() ? "authentication failed" : shown);
    }

    // RFC 6143 section 7.3.1
    private void sendClientInit() {
        out.writeU8(options.shared() ? 1 : 0); // shared-flag
        state = State.SERVER_INIT;
    }

    // RFC 6143 section 7.3.2
    private boolean readServerInit() throws RfbException {
        if (!in.has(24)) {
            return false;
        }
        in.mark();
        int width = in.readU16(); // framebuffer-width
        int height = in.readU16(); // framebuffer-height
        PixelFormat serverFormat = PixelFormat.read(in); // server-pixel-format
        long nameLength = in.readU32(); // name-length
        if (width == 0 || height == 0 || !Framebuffer.isValidSize(width, height)) {
            // An empty desktop cannot be shown or asked for updates; a huge one would be a huge allocation.
            throw new RfbProtocolException("the server's framebuffer " + width + "x" + height + " is outside 1x1.."
                    + Framebuffer.MAX_DIMENSION + "x" + Framebuffer.MAX_DIMENSION);
        }
        serverFormat.validate();
        if (nameLength > MAX_STRING_BYTES) {
            throw new RfbProtocolException("desktop name of " + nameLength + " bytes exceeds " + MAX_STRING_BYTES);
        }
        if (!in.has((int) nameLength)) {
            in.reset();
            return false;
        }
        in.unmark();
        String name = decodeText(in.readBytes((int) nameLength)); // name-string
        framebuffer = allocateFramebuffer(width, height);
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

    // TightVNC servers follow ServerInit with counts of server, client and encoding capabilities, then the
    // capabilities; nothing in them changes what this client does, so they are skipped as they stream past.
    private boolean skipTightCapabilities() {
        if (tightCapabilitiesToSkip == 0) {
            if (!in.has(8)) {
                return false;
            }
            long capabilities = (long) in.readU16() + in.readU16() + in.readU16();
            in.skip(2); // padding
            tightCapabilitiesToSkip = capabilities * TIGHT_CAPABILITY_SIZE;
            if (tightCapabilitiesToSkip == 0) {
                finishHandshake();
                return true;
            }
        }
        tightCapabilitiesToSkip -= in.skipAvailable(tightCapabilitiesToSkip);
        if (tightCapabilitiesToSkip > 0) {
            return false;
        }
        finishHandshake();
        return true;
    }

    private void finishHandshake() {
        reader = new ServerMessageReader(new Handler(), options.decoders(), options.maxCutTextBytes());
        if (!options.keepServerPixelFormat()) {
            writer.setPixelFormat(pixelFormat);
        }
        writer.setEncodings(options.decoders().encodings());
        state = State.NORMAL;
        requestUpdate(false);
        LOG.debug("handshake complete: {}", info);
        events.onHandshakeComplete(info);
    }

    private void requestUpdate(boolean incremental) {
        writer.framebufferUpdateRequest(incremental, 0, 0, framebuffer.width(), framebuffer.height());
        requestOutstanding = true;
    }

    /**
     * A black framebuffer of an already validated size. Up to 16384x16384 is legal, which is 1 GiB of pixels:
     * a JVM without that much room fails this session with a clear error instead of dying elsewhere.
     */
    private static Framebuffer allocateFramebuffer(int width, int height) throws RfbProtocolException {
        try {
            return new Framebuffer(width, height);
        } catch (OutOfMemoryError e) {
            throw new RfbProtocolException("a " + width + "x" + height + " framebuffer needs "
                    + ((long) width * height * 4 >> 20) + " MiB, more than this JVM can allocate");
        }
    }

    /** ServerInit names are UTF-8 on modern servers and Latin-1 on old ones; accept both. */
    private static String decodeText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** Reads a u32 length and that many bytes of text, or returns null (consuming nothing) when starved. */
    private String readString(String what) throws RfbProtocolException {
        if (!in.has(4)) {
            return null;
        }
        in.mark();
        long length = in.readU32();
        if (length > MAX_STRING_BYTES) {
            throw new RfbProtocolException(what + " of " + length + " bytes exceeds " + MAX_STRING_BYTES);
        }
        if (!in.has((int) length)) {
            in.reset();
            return null;
        }
        in.unmark();
        return decodeText(in.readBytes((int) length));
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

    /** Sends ClientCutText (ISO-8859-1; other characters become '?'). */
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
            framebuffer = allocateFramebuffer(width, height);
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
            events.onServerCutText(text);
        }
    }
}
