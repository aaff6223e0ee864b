// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.List;
import org.rfbridge.demo.desktop.DesktopListener;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * Everything one client is owed, which its session's writer sends: the pixels changed since they were last
 * sent, a pending copy or size change, the pseudo rectangles due, other server messages (fences, clipboard),
 * and what decides when an update may go — the outstanding update request, or continuous mode with its flow
 * control. It also holds the client's pixel format and encodings.
 *
 * <p>Thread-safe through its own monitor. The desktop calls the {@link DesktopListener} methods with its
 * lock held; the session's writer calls {@link #take()} inside {@code DemoDesktop.read}, also with the
 * desktop lock held — so what is taken matches the pixels read in the same call. The session reader calls
 * the setters and posts messages. Lock order is always desktop, then this.
 *
 * <p>Invariant: every pixel the client holds equals the desktop's, except inside {@code changed}; a
 * pending copy, when sent before the raw rectangles, keeps that true.
 */
final class ClientUpdateState implements DesktopListener {

    /** Flags of the server's flow-control fences: the client answers once it has handled the update before. */
    static final int FLOW_FENCE_FLAGS = ServerMessageWriter.FENCE_REQUEST | ServerMessageWriter.FENCE_BLOCK_BEFORE;

    /** What the writer sends next, in this order: messages, then the update (either may be absent). */
    record Batch(List<byte[]> messages, PendingUpdate update) {
    }

    private final int client;
    private final ScreenLayouts layouts;
    private final Region changed = new Region();
    private final PendingPseudoRects pseudo = new PendingPseudoRects();
    private final FlowControl flow = new FlowControl();
    private final MessageQueue messages = new MessageQueue();
    private Rect screen;
    /** The size the client was last told (ServerInit or a resize update): what its messages refer to. */
    private Rect toldScreen;
    private ScreenLayout layout;
    private CopyOperation pendingCopy;
    private boolean pendingResize;
    private Rect requestArea;
    private boolean requestForced;
    private Rect continuousArea;
    private PixelFormat format;
    private ClientEncodings encodings = ClientEncodings.NONE;
    private boolean sizesAnnounced;
    private boolean keyEventsAnnounced;
    private boolean ledsAnnounced;
    private boolean fenceSent;
    private boolean endSent;
    private int locks;
    private boolean closed;
    private String closeReason;

    /** For tests: client 0 on a desktop with one screen and no lock on. */
    ClientUpdateState(Rect screen, PixelFormat format) {
        this(0, screen, format, 0, new ScreenLayouts(ScreenLayout.single(screen.width(), screen.height())));
    }

    /**
     * Starts with the whole screen changed, so the first request of any kind gets a full picture.
     *
     * @param client  the session's id, which tells this client's own resizes from others'
     * @param locks   the desktop's lock keys now
     * @param layouts the shared screen layout, whose {@link ScreenLayouts#current()} matches {@code screen}
     */
    ClientUpdateState(int client, Rect screen, PixelFormat format, int locks, ScreenLayouts layouts) {
        this.client = client;
        this.screen = screen;
        this.toldScreen = screen;
        this.format = format;
        this.locks = locks;
        this.layouts = layouts;
        this.layout = layouts.current();
        changed.add(screen);
    }

    /** The framebuffer size this client knows (or is about to be told). */
    synchronized Rect screen() {
        return screen;
    }

    @Override
    public synchronized void damaged(Rect area) {
        changed.add(area.intersect(screen));
        notifyAll();
    }

    @Override
    public synchronized void copied(Rect target, int sourceX, int sourceY) {
        Rect source = new Rect(sourceX, sourceY, target.width(), target.height());
        if (!encodings.copyRect()) {
            changed.add(target);
        } else {
            // Stale pixels in the source would be copied too: they stay stale at their new place.
            changed.addMovedPart(source, target.x() - sourceX, target.y() - sourceY);
            if (pendingCopy == null) {
                pendingCopy = new CopyOperation(target, sourceX, sourceY);
            } else {
                // One copy per update keeps the order simple; the second one's target is resent raw.
                changed.add(target);
            }
        }
        notifyAll();
    }

    /**
     * The next update tells the client the new size (DesktopSize or ExtendedDesktopSize) and nothing else;
     * everything is then changed. Whether the client can take it is decided when the update is taken,
     * because a client may send SetEncodings only after a resize right at its start.
     */
    @Override
    public synchronized void resized(int width, int height, int byClient) {
        screen = new Rect(0, 0, width, height);
        changed.clear();
        changed.add(screen);
        pendingCopy = null;
        pendingResize = true;
        layout = layouts.layoutFor(width, height, byClient);
        if (continuousArea != null) {
            continuousArea = continuousArea.intersect(screen);
        }
        if (encodings.extendedDesktopSize()) {
            int reason = byClient == 0 ? PseudoRect.REASON_SERVER
                    : byClient == client ? PseudoRect.REASON_THIS_CLIENT : PseudoRect.REASON_OTHER_CLIENT;
            pseudo.extendedDesktopSize(
                    PseudoRect.extendedDesktopSize(reason, PseudoRect.STATUS_DONE, width, height, layout));
        }
        notifyAll();
    }

    @Override
    public synchronized void lockKeysChanged(int newLocks) {
        locks = newLocks;
        if (encodings.qemuLedState()) {
            pseudo.ledState();
            notifyAll();
        }
    }

    @Override
    public synchronized void renamed(String name) {
        if (encodings.desktopName()) {
            pseudo.desktopName(name);
            notifyAll();
        }
    }

    /** The client's SetPixelFormat (already validated); applies to updates taken from now on. */
    synchronized void setPixelFormat(PixelFormat newFormat) {
        format = newFormat;
    }

    /**
     * The client's SetEncodings. The first that announces an extension starts it: ExtendedDesktopSize, QEMU
     * key events and LED state are announced in the next update, Fence and ContinuousUpdates by one message
     * each, once a session — a client turns continuous mode on once both arrived, and a second
     * EndOfContinuousUpdates would turn it off again.
     */
    synchronized void setEncodings(ClientEncodings newEncodings) {
        encodings = newEncodings;
        if (!newEncodings.copyRect()) {
            dropPendingCopy();
        }
        if (!newEncodings.extendedDesktopSize()) {
            pseudo.dropDesktopSizes();
        } else if (!sizesAnnounced) {
            sizesAnnounced = true;
            pseudo.extendedDesktopSize(PseudoRect.extendedDesktopSize(PseudoRect.REASON_SERVER,
                    PseudoRect.STATUS_DONE, screen.width(), screen.height(), layout));
        }
        if (newEncodings.qemuKeyEvents() && !keyEventsAnnounced) {
            keyEventsAnnounced = true;
            pseudo.keyEvents();
        }
        if (newEncodings.qemuLedState() && !ledsAnnounced) {
            ledsAnnounced = true;
            pseudo.ledState();
        }
        if (newEncodings.fence() && !fenceSent) {
            fenceSent = true;
            post(ServerMessageWriter.sequenceFence(ServerMessageWriter.FENCE_REQUEST, 0));
        }
        if (newEncodings.continuousUpdates() && !endSent) {
            endSent = true;
            post(ServerMessageWriter.endOfContinuousUpdates());
        }
        notifyAll();
    }

    /**
     * A FramebufferUpdateRequest for {@code area} as the client sent it; it is clipped to the screen. A
     * non-incremental one marks the whole area changed and is answered even if that area is empty. Requests
     * arriving before the last one was answered are merged into it.
     */
    synchronized void request(boolean incremental, Rect area) {
        Rect clipped = area.intersect(screen);
        if (!incremental) {
            changed.add(clipped);
            requestForced = true;
        }
        requestArea = requestArea == null ? clipped : requestArea.union(clipped);
        notifyAll();
    }

    /** The client's SetDesktopSize was refused with {@code status}: it is told, with the size as it is. */
    synchronized void refuseResize(int status) {
        pseudo.extendedDesktopSize(PseudoRect.extendedDesktopSize(PseudoRect.REASON_THIS_CLIENT, status,
                screen.width(), screen.height(), layout));
        notifyAll();
    }

    /**
     * EnableContinuousUpdates for {@code area}: from now on changes there are sent without requests, paced by
     * flow control.
     *
     * @return false when the area lies outside both the framebuffer and the size the client last saw
     */
    synchronized boolean enableContinuous(Rect area) {
        if (!screen.contains(area) && !toldScreen.contains(area)) {
            return false;
        }
        if (continuousArea == null) {
            flow.restart();
        }
        continuousArea = area.intersect(screen);
        notifyAll();
        return true;
    }

    /** EnableContinuousUpdates with enable 0: back to requests, and the client is told so. */
    synchronized void disableContinuous() {
        continuousArea = null;
        post(ServerMessageWriter.endOfContinuousUpdates());
    }

    /** A fence answer (no Request flag) came: if it answers a flow-control fence, updates may flow again. */
    synchronized void fenceAnswered(byte[] payload) {
        if (payload.length == 4) {
            int sequence = ((payload[0] & 0xFF) << 24) | ((payload[1] & 0xFF) << 16) | ((payload[2] & 0xFF) << 8)
                    | (payload[3] & 0xFF);
            if (flow.answered(sequence, System.nanoTime())) {
                notifyAll();
            }
        }
    }

    /**
     * Queues a server message for the writer, after those already queued and before the next update.
     *
     * @return its ticket for {@link #awaitWritten}
     */
    synchronized long post(byte[] message) {
        if (closed) {
            return 0;
        }
        long ticket = messages.add(message);
        if (ticket < 0) {
            closeReason = "the client does not read: " + messages.queuedBytes() + " bytes of messages wait for it";
            close();
            return 0;
        }
        notifyAll();
        return ticket;
    }

    /** Waits until the message with {@code ticket} was written, the state closed, or the time is up. */
    synchronized void awaitWritten(long ticket, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!closed && !messages.isWritten(ticket)) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** Wakes the writer for good; {@link #awaitWork(long)} returns true from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Why this state closed itself (a client that cannot follow a resize, or does not read), or null. */
    synchronized String closeReason() {
        return closeReason;
    }

    /**
     * Waits until something can be sent or the state is closed.
     *
     * @return true when there is work (or the state closed); false when {@code timeoutMillis} passed
     */
    synchronized boolean awaitWork(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!closed && messages.isEmpty() && !updateDue()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Requests and continuous mode together say which part of the screen the client wants now. */
    private Rect wantedArea() {
        if (continuousArea == null) {
            return requestArea;
        }
        return requestArea == null ? continuousArea : requestArea.union(continuousArea);
    }

    private boolean updateDue() {
        Rect area = wantedArea();
        if (area == null) {
            return false;
        }
        boolean due = pendingResize || requestForced || !pseudo.isEmpty() || changed.intersects(area)
                || (pendingCopy != null && pendingCopy.target().intersects(area));
        return due && (continuousArea == null || flow.mayStart());
    }

    /**
     * Takes the queued messages and what answers the outstanding request (or continuous mode), clearing
     * them. Call with the desktop's lock held and read the pixels in the same locked call.
     *
     * @return what to send, or null when there is nothing yet (or the state just closed because the client
     *         cannot be told about a resize)
     */
    synchronized Batch take() {
        if (closed) {
            return null;
        }
        List<byte[]> out = messages.drain();
        PendingUpdate update = updateDue() ? takeUpdate() : null;
        if (closed || (out.isEmpty() && update == null)) {
            return null;
        }
        return new Batch(out, update);
    }

    private PendingUpdate takeUpdate() {
        if (pendingResize) {
            if (encodings.extendedDesktopSize()) {
                if (!pseudo.endsAtSize(screen.width(), screen.height())) {
                    pseudo.extendedDesktopSize(PseudoRect.extendedDesktopSize(PseudoRect.REASON_SERVER,
                            PseudoRect.STATUS_DONE, screen.width(), screen.height(), layout));
                }
                return resizeUpdate(pseudo.take(locks));
            }
            if (encodings.desktopSize()) {
                return resizeUpdate(List.of(PseudoRect.desktopSize(screen)));
            }
            closeReason = "the desktop was resized to " + screen.width() + "x" + screen.height()
                    + " and the client did not list the DesktopSize pseudo-encoding";
            close();
            return null;
        }
        Rect area = wantedArea();
        CopyOperation copy = null;
        if (pendingCopy != null) {
            if (area.contains(pendingCopy.target())) {
                copy = pendingCopy;
                pendingCopy = null;
            } else {
                dropPendingCopy();
            }
        }
        List<Rect> raw = changed.takeWithin(area);
        requestArea = null;
        requestForced = false;
        return new PendingUpdate(pseudo.take(locks), copy, raw, format);
    }

    private PendingUpdate resizeUpdate(List<PseudoRect> rects) {
        pendingResize = false;
        requestArea = null;
        requestForced = false;
        toldScreen = screen;
        return new PendingUpdate(rects, null, List.of(), format);
    }

    /**
     * The writer wrote {@code bytes}, including {@code messageCount} queued messages.
     *
     * @return a flow-control fence to write right after them (continuous mode only), or null
     */
    synchronized byte[] written(long bytes, int messageCount) {
        messages.written(messageCount);
        flow.wrote(bytes);
        byte[] fence = null;
        if (continuousArea != null && flow.fenceDue()) {
            int sequence = flow.fence(ServerMessageWriter.SEQUENCE_FENCE_LENGTH, System.nanoTime());
            fence = ServerMessageWriter.sequenceFence(FLOW_FENCE_FLAGS, sequence);
        }
        notifyAll();
        return fence;
    }

    private void dropPendingCopy() {
        if (pendingCopy != null) {
            changed.add(pendingCopy.target());
            pendingCopy = null;
        }
    }

    /** For tests: the changed rectangles now. */
    synchronized List<Rect> changedRects() {
        return changed.rects();
    }
}
