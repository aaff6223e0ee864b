// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.List;
import java.util.Objects;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbEndOfStreamException;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.ColourMap;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;
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
 * registry, and requests the whole framebuffer. The next incremental request goes out as soon as an update
 * has been decoded, so that the server encodes and sends the next one while the consumer draws this one; but
 * that next update is decoded only after the consumer calls {@link #updateConsumed()} (at once, with
 * auto-acknowledgement): until then {@link #step()} stops in front of it and {@link #holdsBack()} tells the
 * caller to stop feeding bytes, so a slow consumer slows the server, one frame ahead at most, instead of
 * queueing frames.
 *
 * <p>The handshake itself is {@link Handshake}'s; this class runs the session that follows.
 *
 * <p>Not thread-safe: one thread (the session thread) calls every method, and {@link ConnectionEvents} are
 * called on it.
 */
public final class RfbConnection {
    private static final Logger LOG = LoggerFactory.getLogger(RfbConnection.class);
    /** Buffered bytes that stop reading while an update waits for the consumer, whatever they hold. */
    static final int HOLD_BACK_BYTES = 64 * 1024;

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
    private final Handshake handshake;

    private RfbException failure;
    private SessionInfo info;

    private Framebuffer framebuffer;
    private PixelFormat pixelFormat;
    private ServerMessageReader reader;
    private boolean requestOutstanding;
    private final LinkEstimate link = new LinkEstimate();
    private final ExtendedClipboard clipboard;
    // Written by the session thread; read by viewers' threads.
    private volatile boolean extendedKeyEvents;
    private int xvpVersion;
    private volatile AdaptiveEncoding encodingChoice;
    private boolean awaitingConsumer;
    private boolean fullUpdateNeeded;
    private ContinuousUpdates continuous = new ContinuousUpdates(false);
    private boolean framebufferReplaced;
    private volatile long updateRequestsSent;
    private final DesktopSizeRequests desktopSizes = new DesktopSizeRequests();

    public RfbConnection(ConnectionOptions options, ConnectionEvents events) {
        this.options = Objects.requireNonNull(options, "options");
        this.events = Objects.requireNonNull(events, "events");
        this.handshake = new Handshake(options, in, out);
        this.clipboard = new ExtendedClipboard(new ClipboardPeer(), options.maxCutTextBytes());
    }

    /** Appends bytes received from the server just now. */
    public void receive(byte[] data, int offset, int length) {
        receive(data, offset, length, System.nanoTime());
    }

    /**
     * Appends bytes the transport read at {@code arrivedNanos} ({@link System#nanoTime()}): the link is measured
     * by when bytes arrived, not by when the session got round to them.
     */
    public void receive(byte[] data, int offset, int length, long arrivedNanos) {
        long start = in.appended();
        in.append(data, offset, length);
        stats.received(length);
        link.arrived(arrivedNanos, start, length);
    }

    /** Whether the last update waits for the consumer to take it ({@link #updateConsumed()}). */
    public boolean awaitingConsumer() {
        return awaitingConsumer;
    }

    /**
     * Whether the caller should keep further bytes back (and so stop reading the transport) until the consumer
     * took the last update: the next one is buffered and waits.
     */
    public boolean holdsBack() {
        if (!awaitingConsumer || reader == null || !reader.isBetweenMessages()) {
            return false;
        }
        // Only an update has to wait: what comes between two (the Fence a server's flow control sends after each
        // one and waits on) is read and answered at once, not a drawn frame later. One transport read at most
        // lies buffered beyond the held update.
        return in.available() > 0 && in.peekU8(0) == ServerMessageReader.FRAMEBUFFER_UPDATE
                || in.available() >= HOLD_BACK_BYTES;
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
        if (failure != null) {
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
        failure = e;
        return e;
    }

    /**
     * Reports that the server's byte stream ended, and throws the exception that describes it: an
     * authentication failure if the server closed while its failure reason was due (some servers omit it),
     * otherwise an {@link RfbEndOfStreamException} saying where the stream stopped.
     */
    public void endOfStream() throws RfbException {
        if (failure != null) {
            throw failure;
        }
        if (!handshake.isComplete()) {
            throw fail(handshake.endOfStream(stats.bytesReceived() > 0));
        }
        String where = reader.isBetweenMessages() && in.available() == 0 ? "" : " " + reader.position(in.available());
        throw fail(new RfbEndOfStreamException("the server closed the connection" + where));
    }

    private boolean advance() throws RfbException {
        if (handshake.isComplete()) {
            if (awaitingConsumer && reader.isBetweenMessages() && in.has(1)
                    && in.peekU8(0) == ServerMessageReader.FRAMEBUFFER_UPDATE) {
                // The consumer still reads the framebuffer: the next update must not paint into it yet.
                return false;
            }
            return reader.read(in);
        }
        boolean progressed = handshake.step();
        if (handshake.isComplete()) {
            begin(handshake.info());
        }
        return progressed;
    }

    // After ServerInit (RFC 6143 section 7.4): the client's pixel format and encodings, then the first request.
    private void begin(SessionInfo established) throws RfbProtocolException {
        info = established;
        framebuffer = allocateFramebuffer(info.width(), info.height(), null);
        pixelFormat = info.pixelFormat();
        reader = new ServerMessageReader(new Handler(), options.decoders(), options.maxCutTextBytes(), stats);
        if (!options.keepServerPixelFormat()) {
            writer.setPixelFormat(pixelFormat);
        }
        encodingChoice = new AdaptiveEncoding(options.encodingPreferences(), options.decoders());
        writer.setEncodings(encodingChoice.encodings());
        continuous = new ContinuousUpdates(options.decoders().supports(Encodings.FENCE)
                && options.decoders().supports(Encodings.CONTINUOUS_UPDATES));
        requestUpdate(false);
        LOG.debug("handshake complete: {}", info);
        events.onConnected(info);
    }

    private void requestUpdate(boolean incremental) {
        incremental &= !followLink();
        writer.framebufferUpdateRequest(incremental, 0, 0, framebuffer.width(), framebuffer.height());
        updateRequestsSent++;
        requestOutstanding = true;
        // In continuous mode updates come whether asked for or not: the time to the next one is no round trip.
        link.requested(System.nanoTime(), !continuous.enabled());
    }

    /**
     * Asks for other encodings if the link calls for them; returns whether the whole framebuffer must be sent
     * again, because what JPEG left inexact would stay so until it changes.
     */
    private boolean followLink() {
        if (!encodingChoice.follow(link)) {
            return false;
        }
        LOG.info("link {}: now asking for {}", link.describe(), encodingChoice.describeQuality());
        writer.setEncodings(encodingChoice.encodings());
        return encodingChoice.quality() == EncodingPreferences.LOSSLESS;
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

    /**
     * Tells the connection that the consumer has taken the last framebuffer update; the next incremental
     * update is requested now if none is outstanding. Harmless when there is nothing to acknowledge.
     */
    public void updateConsumed() {
        requireNormal();
        awaitingConsumer = false;
        requestNextUpdate();
    }

    private void requestNextUpdate() {
        // In continuous mode the server sends changes unasked; only a full refresh needs a request.
        if (!requestOutstanding && (!continuous.enabled() || fullUpdateNeeded)) {
            requestUpdate(!fullUpdateNeeded);
            fullUpdateNeeded = false;
        }
    }

    /**
     * Asks the server to make the desktop {@code width}x{@code height} (clamped to 1..16384), keeping its screens
     * (see {@link ScreenLayout#resizedTo}). Sent now if the server has shown it takes SetDesktopSize and no earlier
     * request is unanswered; otherwise kept, the latest size only, until then. The answer comes as a resize or as
     * {@link ConnectionEvents#onDesktopResizeRefused}.
     */
    public void requestDesktopSize(int width, int height) {
        requireNormal();
        desktopSizes.want(width, height);
        sendWantedDesktopSize();
    }

    private void sendWantedDesktopSize() {
        DesktopSizeRequests.Due due = desktopSizes.due(framebuffer.width(), framebuffer.height());
        if (due != null) {
            writer.setDesktopSize(due.width(), due.height(), due.layout());
        }
    }

    /** Whether the server takes SetDesktopSize (it sent an ExtendedDesktopSize); false before the first update. */
    public boolean serverTakesDesktopSize() {
        return desktopSizes.serverTakesThem();
    }

    /** The server's screens as it last reported them; empty if it never did. */
    public ScreenLayout screenLayout() {
        return desktopSizes.layout();
    }

    /** How many FramebufferUpdateRequests the session has sent; readable from any thread. */
    public long updateRequestsSent() {
        return updateRequestsSent;
    }

    /** Whether the server sends updates unasked (continuous updates are on). */
    public boolean continuousUpdates() {
        return continuous.enabled();
    }

    /**
     * Asks for encodings by {@code preferences} from now on: a SetEncodings at once, which the server applies to
     * the updates after it.
     */
    public void setEncodingPreferences(EncodingPreferences preferences) {
        requireNormal();
        boolean wasLossless = encodingChoice.quality() == EncodingPreferences.LOSSLESS;
        encodingChoice = encodingChoice.with(preferences);
        encodingChoice.follow(link);
        writer.setEncodings(encodingChoice.encodings());
        if (!wasLossless && encodingChoice.quality() == EncodingPreferences.LOSSLESS) {
            // What JPEG left inexact would stay so until it changes.
            fullUpdateNeeded = true;
            if (!requestOutstanding && !awaitingConsumer) {
                requestNextUpdate();
            }
        }
    }

    /** Requests the whole framebuffer now (a non-incremental FramebufferUpdateRequest). */
    public void requestFullUpdate() {
        requireNormal();
        requestUpdate(false);
    }

    /** Sends a KeyEvent; {@code keysym} is an X11 keysym (see {@link Keysyms}). */
    public void sendKeyEvent(int keysym, boolean down) {
        sendKeyEvent(keysym, down, 0);
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

    /**
     * Offers the viewer's clipboard text to the server: UTF-8 through the extended clipboard once the server's caps
     * came, else ClientCutText (ISO-8859-1; other characters become '?', line ends become LF). Text over a limit
     * is not sent: {@link ConnectionEvents#onClipboardDropped} says so.
     */
    public void sendClientCutText(String text) {
        requireNormal();
        clipboard.offer(text);
    }

    /**
     * Sends a key with the XT scancode of the physical key (QEMU's form; 0 when unknown): as QEMU's extended key
     * event once the server showed it takes them, else as a KeyEvent.
     */
    public void sendKeyEvent(int keysym, boolean down, int scancode) {
        requireNormal();
        if (extendedKeyEvents && scancode != 0) {
            writer.qemuExtendedKeyEvent(down, keysym, scancode);
        } else {
            writer.keyEvent(down, keysym);
        }
    }

    /** Whether keys go with their scancodes (the server sent QEMU's extended key event rectangle). */
    public boolean extendedKeyEvents() {
        return extendedKeyEvents;
    }

    /** Asks for a power action (2 shutdown, 3 reboot, 4 reset); nothing before the server offered XVP. */
    public void sendXvp(int code) {
        requireNormal();
        if (xvpVersion > 0) {
            writer.xvp(code);
        }
    }

    private void requireNormal() {
        if (state() != State.NORMAL) {
            throw new IllegalStateException("the connection is " + state() + ", not NORMAL");
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

    /** The link as measured so far; readable from any thread. */
    public LinkEstimate link() {
        return link;
    }

    /** What the session asks the server for, null before ServerInit; readable from any thread. */
    public AdaptiveEncoding encodingChoice() {
        return encodingChoice;
    }

    /** {@link State#FAILED} once anything failed, else where the handshake is ({@link State#NORMAL} after it). */
    public State state() {
        return failure != null ? State.FAILED : handshake.state();
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
            link.updateDone(in.consumed());
            // An update that painted nothing (Xvnc's first one carries only ExtendedDesktopSize) leaves nothing for
            // the consumer to read, so the next one need not wait for it: a consumer that acknowledges only
            // pictures would otherwise never see one.
            awaitingConsumer = !dirty.isEmpty();
            sendWantedDesktopSize();
            if (continuous.enabled()) {
                fullUpdateNeeded |= followLink();
                if (framebufferReplaced) {
                    writer.enableContinuousUpdates(true, 0, 0, framebuffer.width(), framebuffer.height());
                }
                link.requested(System.nanoTime(), false);
            }
            framebufferReplaced = false;
            // Asked for now, the next update is on its way while the consumer draws this one.
            requestNextUpdate();
            byte[] probe = continuous.probeDue(System.nanoTime());
            if (probe != null) {
                writer.fence(ContinuousUpdates.FENCE_REQUEST, probe);
            }
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
            framebufferReplaced = true;
            events.onDesktopResized(framebuffer);
        }

        @Override
        public void extendedDesktopSize(int reason, int status, int width, int height, ScreenLayout layout)
                throws RfbProtocolException {
            String refusal = desktopSizes.received(reason, status, layout);
            if (refusal != null) {
                LOG.info("the server refused the desktop size: {}", refusal);
                events.onDesktopResizeRefused(refusal);
            }
            if (status == 0 && (width != framebuffer.width() || height != framebuffer.height())) {
                desktopSizeChanged(width, height);
            }
        }

        @Override
        public void fence(int flags, byte[] payload) {
            if ((flags & ContinuousUpdates.FENCE_REQUEST) != 0) {
                // Everything before it is handled and everything after will be, in order: answer at once.
                writer.fence(flags & ContinuousUpdates.FENCE_ANSWER_FLAGS, payload);
            } else {
                long sentAt = continuous.probeAnswered(payload);
                if (sentAt >= 0) {
                    link.roundTrip(sentAt, in.consumed());
                }
            }
            if (continuous.serverSentFence()) {
                enableContinuousUpdates();
            }
        }

        @Override
        public void endOfContinuousUpdates() {
            boolean wasOn = continuous.enabled();
            if (continuous.serverSentEnd()) {
                enableContinuousUpdates();
            } else if (wasOn) {
                LOG.debug("the server ended continuous updates");
                requestNextUpdate();
            }
        }

        private void enableContinuousUpdates() {
            LOG.debug("continuous updates on");
            writer.enableContinuousUpdates(true, 0, 0, framebuffer.width(), framebuffer.height());
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

        @Override
        public void extendedClipboard(int flags, byte[] data) throws RfbProtocolException {
            clipboard.received(flags, data);
        }

        @Override
        public void clipboardDropped(String message) {
            events.onClipboardDropped(message);
        }

        @Override
        public void extendedKeyEventsOffered() {
            extendedKeyEvents = true;
        }

        @Override
        public void ledState(int state) {
            events.onLedState(state);
        }

        @Override
        public void desktopName(String name) {
            events.onDesktopName(name);
        }

        @Override
        public void xvp(int version, int code) {
            if (version != 1) {
                return;
            }
            if (code == 1) {
                xvpVersion = version;
                events.onXvpAvailable(version);
            } else if (code == 0) {
                events.onXvpFailed();
            }
        }
    }

    /** The extended clipboard's way out: the writer and the events. */
    private final class ClipboardPeer implements ExtendedClipboard.Peer {
        @Override
        public void sendExtended(int flags, byte[] data) {
            writer.extendedCutText(flags, data);
        }

        @Override
        public void sendLegacy(String text) {
            writer.clientCutText(text);
        }

        @Override
        public void text(String text) {
            events.onClipboard(text);
        }

        @Override
        public void dropped(String message) {
            events.onClipboardDropped(message);
        }
    }
}
