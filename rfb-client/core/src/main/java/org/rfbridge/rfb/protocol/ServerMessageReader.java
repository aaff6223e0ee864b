// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.Limits;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.encoding.RawDecoder;
import org.rfbridge.rfb.encoding.RectDecoder;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.pixel.ColourMap;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses server-to-client messages (RFC 6143 section 7.6) in the normal phase of a session and hands them to
 * a {@link ServerMessageHandler}. Numbers are validated where read: rectangles against the framebuffer,
 * colour map ranges against the map's size, cut text against a cap above which the text is skipped as it
 * streams past instead of being stored. Pixel rectangles go to the decoder of their encoding; the
 * pseudo-encodings (DesktopSize, LastRect, the cursors) are read here, as they change the session rather than
 * paint pixels. The JavaScript core's {@code server-message-reader.js} is the same reader.
 *
 * <p>Not thread-safe: the session thread owns it.
 */
public final class ServerMessageReader {
    public static final int FRAMEBUFFER_UPDATE = 0;
    public static final int SET_COLOUR_MAP_ENTRIES = 1;
    public static final int BELL = 2;
    public static final int SERVER_CUT_TEXT = 3;
    public static final int XVP = 250;
    /** Pseudo-encodings that announce messages, never rectangles. */
    private static final java.util.Set<Integer> MESSAGE_PSEUDO_ENCODINGS = java.util.Set.of(Encodings.FENCE,
            Encodings.CONTINUOUS_UPDATES, Encodings.EXTENDED_CLIPBOARD, Encodings.XVP);
    public static final int END_OF_CONTINUOUS_UPDATES = 150;
    public static final int FENCE = 248;

    private static final Logger LOG = LoggerFactory.getLogger(ServerMessageReader.class);
    private static final int RECT_HEADER_SIZE = 12;
    private static final int COLOUR_ENTRY_SIZE = 6;

    private enum State { MESSAGE_START, RECT_HEADER, RECT_BODY, COLOUR_MAP_ENTRIES, SKIP_CUT_TEXT }

    private final ServerMessageHandler handler;
    private final DecoderRegistry registry;
    private final Map<Integer, RectDecoder> decoders;
    private final int maxCutTextBytes;
    private final DecodeStats stats;

    private State state = State.MESSAGE_START;
    // FramebufferUpdate progress.
    private int rectsRemaining;
    private int rectIndex;
    private boolean lastRectSeen;
    private List<Rect> dirty = new ArrayList<>();
    private Rect rect;
    private int rectEncoding;
    private RectDecoder decoder;
    private long rectStartConsumed;
    private long rectNanos;
    // SetColourMapEntries progress.
    private int firstColour;
    private int[] colours;
    private int coloursRead;
    // ServerCutText skipping progress.
    private long cutTextToSkip;

    public ServerMessageReader(ServerMessageHandler handler, DecoderRegistry registry, int maxCutTextBytes,
            DecodeStats stats) {
        this.stats = stats;
        this.handler = Objects.requireNonNull(handler, "handler");
        this.registry = registry;
        this.decoders = registry.createDecoders();
        this.decoders.putIfAbsent(Encodings.RAW, new RawDecoder());
        this.maxCutTextBytes = maxCutTextBytes;
    }

    /** Whether the reader is between messages (nothing of a message has been consumed yet). */
    public boolean isBetweenMessages() {
        return state == State.MESSAGE_START;
    }

    /**
     * Processes the next message header, rectangle, or run of message data.
     *
     * @return true when it made progress and may be called again at once; false when it needs more bytes
     * @throws RfbProtocolException naming what was wrong
     */
    public boolean read(RfbInput in) throws RfbProtocolException {
        switch (state) {
            case MESSAGE_START:
                return readMessageStart(in);
            case RECT_HEADER:
                return readRectHeader(in);
            case RECT_BODY:
                return readRectBody(in);
            case COLOUR_MAP_ENTRIES:
                return readColourMapEntries(in);
            case SKIP_CUT_TEXT:
                cutTextToSkip -= in.skipAvailable(cutTextToSkip);
                if (cutTextToSkip > 0) {
                    return false;
                }
                state = State.MESSAGE_START;
                return true;
            default:
                throw new IllegalStateException(state.toString());
        }
    }

    private boolean readMessageStart(RfbInput in) throws RfbProtocolException {
        if (!in.has(1)) {
            return false;
        }
        int type = in.peekU8(0);
        switch (type) {
            case FRAMEBUFFER_UPDATE:
                if (!in.has(4)) {
                    return false;
                }
                in.skip(2); // message-type, padding
                rectsRemaining = in.readU16(); // number-of-rectangles
                rectIndex = 0;
                lastRectSeen = false;
                dirty = new ArrayList<>();
                if (rectsRemaining == 0) {
                    finishUpdate();
                } else {
                    state = State.RECT_HEADER;
                }
                return true;
            case SET_COLOUR_MAP_ENTRIES:
                if (!in.has(6)) {
                    return false;
                }
                in.skip(2); // message-type, padding
                firstColour = in.readU16(); // first-colour
                int count = in.readU16(); // number-of-colours
                if (firstColour + count > ColourMap.SIZE) {
                    throw new RfbProtocolException(ErrorCode.BAD_COLOUR_MAP, "SetColourMapEntries " + firstColour + "+" + count
                            + " goes past the " + ColourMap.SIZE + " entries a colour map has");
                }
                colours = new int[count];
                coloursRead = 0;
                state = State.COLOUR_MAP_ENTRIES;
                return true;
            case BELL:
                in.skip(1); // message-type
                handler.bell();
                return true;
            case SERVER_CUT_TEXT:
                return readServerCutText(in);
            case END_OF_CONTINUOUS_UPDATES:
                if (!registry.supports(Encodings.CONTINUOUS_UPDATES)) {
                    break;
                }
                in.skip(1); // message-type
                handler.endOfContinuousUpdates();
                return true;
            case FENCE:
                if (!registry.supports(Encodings.FENCE)) {
                    break;
                }
                return readFence(in);
            case XVP:
                if (!registry.supports(Encodings.XVP)) {
                    break;
                }
                if (!in.has(4)) {
                    return false;
                }
                in.skip(2); // message-type, padding
                int version = in.readU8(); // xvp-extension-version
                handler.xvp(version, in.readU8()); // xvp-message-code
                return true;
            default:
                break;
        }
        throw new RfbProtocolException(ErrorCode.UNKNOWN_MESSAGE, "unknown server message type " + type);
    }

    private boolean readFence(RfbInput in) throws RfbProtocolException {
        if (!in.has(9)) {
            return false;
        }
        int length = in.peekU8(8);
        if (length > ContinuousUpdates.MAX_FENCE_PAYLOAD) {
            throw new RfbProtocolException(ErrorCode.BAD_MESSAGE, "Fence payload of " + length
                    + " bytes is over the " + ContinuousUpdates.MAX_FENCE_PAYLOAD + " the message allows");
        }
        if (!in.has(9 + length)) {
            return false;
        }
        in.skip(4); // message-type, padding
        int flags = in.readS32(); // flags
        in.skip(1); // length
        handler.fence(flags, in.readBytes(length)); // payload
        return true;
    }

    private boolean readServerCutText(RfbInput in) throws RfbProtocolException {
        if (!in.has(8)) {
            return false;
        }
        in.mark();
        in.skip(4); // message-type, padding
        int signedLength = in.readS32(); // length
        if (signedLength < 0 && registry.supports(Encodings.EXTENDED_CLIPBOARD)) {
            return readExtendedClipboard(in, -(long) signedLength);
        }
        long length = signedLength & 0xFFFF_FFFFL;
        if (length > maxCutTextBytes) {
            in.unmark();
            handler.clipboardDropped("the server's clipboard text of " + length + " bytes is over this viewer's limit of "
                    + maxCutTextBytes + " bytes");
            skipCutText(length);
            return true;
        }
        if (!in.has((int) length)) {
            in.reset();
            return false;
        }
        in.unmark();
        handler.serverCutText(ServerText.toLf(in.readLatin1((int) length))); // text
        return true;
    }

    // A negative length announces an extended message of that many bytes: flags, then the action's data.
    private boolean readExtendedClipboard(RfbInput in, long length) throws RfbProtocolException {
        if (length < 4) {
            throw new RfbProtocolException(ErrorCode.BAD_MESSAGE, "ExtendedClipboard message of " + length
                    + " bytes is shorter than its 4-byte flags");
        }
        long max = ExtendedClipboard.maxMessageBytes(maxCutTextBytes);
        if (length > max) {
            in.unmark();
            handler.clipboardDropped("the server's clipboard message of " + length
                    + " bytes is over this viewer's limit of " + max + " bytes");
            skipCutText(length);
            return true;
        }
        if (!in.has((int) length)) {
            in.reset();
            return false;
        }
        in.unmark();
        int flags = in.readS32(); // flags
        ExtendedClipboard.checkActions(flags);
        handler.extendedClipboard(flags, in.readBytes((int) length - 4)); // data
        return true;
    }

    private void skipCutText(long length) {
        LOG.info("skipping server cut text of {} bytes (cap {})", length, maxCutTextBytes);
        cutTextToSkip = length;
        state = State.SKIP_CUT_TEXT;
    }

    private boolean readRectHeader(RfbInput in) throws RfbProtocolException {
        if (!in.has(RECT_HEADER_SIZE)) {
            return false;
        }
        int x = in.readU16(); // x-position
        int y = in.readU16(); // y-position
        int width = in.readU16(); // width
        int height = in.readU16(); // height
        rectEncoding = in.readS32(); // encoding-type
        rect = new Rect(x, y, width, height);
        // RFC 6143 7.7.1: every client takes Raw, announced or not, and servers rely on it (Xvnc's RRE falls back
        // to Raw where subrectangles would cost more).
        if (!registry.supports(rectEncoding) && rectEncoding != Encodings.RAW) {
            throw new RfbProtocolException(ErrorCode.UNKNOWN_ENCODING, "rectangle " + (rectIndex + 1)
                    + " of a FramebufferUpdate uses encoding " + Encodings.describe(rectEncoding)
                    + ", which this client did not ask for");
        }
        if (MESSAGE_PSEUDO_ENCODINGS.contains(rectEncoding)) {
            throw new RfbProtocolException(ErrorCode.UNKNOWN_ENCODING, "rectangle " + (rectIndex + 1)
                    + " of a FramebufferUpdate uses encoding " + Encodings.describe(rectEncoding)
                    + ", which is no rectangle encoding");
        }
        decoder = decoders.get(rectEncoding);
        if (decoder != null) {
            Framebuffer fb = handler.framebuffer();
            if (!fb.contains(rect)) {
                throw new RfbProtocolException(ErrorCode.RECT_OUT_OF_BOUNDS, Encodings.name(rectEncoding)
                        + " rectangle " + rect + " lies outside the " + fb.width() + "x" + fb.height()
                        + " framebuffer");
            }
        }
        rectStartConsumed = in.consumed() - RECT_HEADER_SIZE;
        rectNanos = 0;
        state = State.RECT_BODY;
        return true;
    }

    private boolean readRectBody(RfbInput in) throws RfbProtocolException {
        if (decoder != null) {
            long start = System.nanoTime();
            boolean done = decoder.decodeRect(rect, in, handler.pixelFormat(), handler.framebuffer());
            rectNanos += System.nanoTime() - start;
            if (!done) {
                return false;
            }
            if (!rect.isEmpty()) {
                dirty.add(rect);
            }
        } else if (!readPseudoRect(in)) {
            return false;
        }
        stats.rectDone(rectEncoding, in.consumed() - rectStartConsumed, rectNanos);
        rectIndex++;
        rectsRemaining--;
        if (lastRectSeen || rectsRemaining == 0) {
            finishUpdate();
        } else {
            state = State.RECT_HEADER;
        }
        return true;
    }

    private boolean readPseudoRect(RfbInput in) throws RfbProtocolException {
        switch (rectEncoding) {
            case Encodings.DESKTOP_SIZE:
                // RFC 6143 section 7.8.2: the rectangle's size is the new desktop size; no body.
                Limits.checkFramebufferSize("DesktopSize", rect.width(), rect.height());
                handler.desktopSizeChanged(rect.width(), rect.height());
                // What was painted before belongs to the old framebuffer; the new one is all new.
                dirty.clear();
                dirty.add(new Rect(0, 0, rect.width(), rect.height()));
                return true;
            case Encodings.EXTENDED_DESKTOP_SIZE:
                return readExtendedDesktopSize(in);
            case Encodings.QEMU_EXTENDED_KEY_EVENT:
                handler.extendedKeyEventsOffered();
                return true;
            case Encodings.QEMU_LED_STATE:
                if (!in.has(1)) {
                    return false;
                }
                handler.ledState(in.readU8() & 7); // LED state
                return true;
            case Encodings.DESKTOP_NAME:
                return readDesktopName(in);
            case Encodings.LAST_RECT:
                // Ends the update whatever its count said (servers not knowing it up front send 0xFFFF).
                lastRectSeen = true;
                return true;
            case Encodings.CURSOR, Encodings.X_CURSOR, Encodings.CURSOR_WITH_ALPHA:
                CursorShape shape = CursorReader.read(rectEncoding, rect, in, handler.pixelFormat());
                if (shape == null) {
                    return false;
                }
                handler.cursorShapeChanged(shape);
                return true;
            default:
                throw new IllegalStateException("no reader for " + Encodings.describe(rectEncoding));
        }
    }

    private boolean readDesktopName(RfbInput in) throws RfbProtocolException {
        if (!in.has(4)) {
            return false;
        }
        in.mark();
        long length = in.readU32(); // name-length
        if (length > Limits.MAX_STRING_BYTES) {
            throw new RfbProtocolException(ErrorCode.LENGTH_OVER_LIMIT, "desktop name of " + length
                    + " bytes exceeds the " + Limits.MAX_STRING_BYTES + "-byte limit");
        }
        if (!in.has((int) length)) {
            in.reset();
            return false;
        }
        in.unmark();
        handler.desktopName(ServerText.decode(in.readBytes((int) length))); // name
        return true;
    }

    // The rectangle's x is why the size changed, its y whether it did; the body lists the screens.
    private boolean readExtendedDesktopSize(RfbInput in) throws RfbProtocolException {
        Limits.checkFramebufferSize("ExtendedDesktopSize", rect.width(), rect.height());
        if (!in.has(4)) {
            return false;
        }
        int count = in.peekU8(0); // number-of-screens
        if (!in.has(4 + count * ScreenLayout.SCREEN_BYTES)) {
            return false;
        }
        in.skip(4); // number-of-screens, padding
        ScreenLayout layout = ScreenLayout.read(in, count);
        int reason = rect.x();
        int status = rect.y();
        if (status == 0) {
            layout.validate(rect.width(), rect.height());
        }
        Framebuffer before = handler.framebuffer();
        handler.extendedDesktopSize(reason, status, rect.width(), rect.height(), layout);
        if (handler.framebuffer() != before) {
            dirty.clear();
            dirty.add(new Rect(0, 0, rect.width(), rect.height()));
        }
        return true;
    }

    private void finishUpdate() {
        stats.updateDone();
        state = State.MESSAGE_START;
        List<Rect> painted = dirty;
        dirty = new ArrayList<>();
        handler.framebufferUpdate(List.copyOf(painted));
    }

    private boolean readColourMapEntries(RfbInput in) {
        while (coloursRead < colours.length && in.has(COLOUR_ENTRY_SIZE)) {
            int red = in.readU16() >>> 8; // red
            int green = in.readU16() >>> 8; // green
            int blue = in.readU16() >>> 8; // blue
            colours[coloursRead++] = 0xFF00_0000 | red << 16 | green << 8 | blue;
        }
        if (coloursRead < colours.length) {
            return false;
        }
        state = State.MESSAGE_START;
        int[] done = colours;
        colours = null;
        handler.colourMapEntries(firstColour, done);
        return true;
    }

    /** Where the reader is, for end-of-stream messages: {@code pending} bytes are buffered and unprocessed. */
    String position(int pending) {
        switch (state) {
            case MESSAGE_START:
                return pending == 0 ? "between messages" : "in the middle of a message";
            case RECT_HEADER:
            case RECT_BODY:
                return "in rectangle " + (rectIndex + 1) + " of a FramebufferUpdate";
            case COLOUR_MAP_ENTRIES:
                return "in a SetColourMapEntries message";
            case SKIP_CUT_TEXT:
                return "in a ServerCutText message (" + cutTextToSkip + " bytes missing)";
            default:
                return state.toString();
        }
    }
}
