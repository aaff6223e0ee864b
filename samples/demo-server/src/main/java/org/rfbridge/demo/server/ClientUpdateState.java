// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.List;
import org.rfbridge.demo.desktop.DesktopListener;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * One client's view of what it is missing: the pixels changed since they were last sent, a pending copy or
 * size change, the outstanding update request, and the client's pixel format and encodings.
 *
 * <p>Thread-safe through its own monitor. The desktop calls the {@link DesktopListener} methods with its
 * lock held; the session's writer calls {@link #take()} inside {@code DemoDesktop.read}, also with the
 * desktop lock held — so what is taken matches the pixels read in the same call. The session reader calls
 * the setters. Lock order is always desktop, then this.
 *
 * <p>Invariant: every pixel the client holds equals the desktop's, except inside {@code changed}; a
 * pending copy, when sent before the raw rectangles, keeps that true.
 */
final class ClientUpdateState implements DesktopListener {

    private final Region changed = new Region();
    private Rect screen;
    private CopyOperation pendingCopy;
    private boolean pendingResize;
    private Rect requestArea;
    private boolean requestForced;
    private PixelFormat format;
    private boolean copyRectEnabled;
    private boolean desktopSizeEnabled;
    private boolean closed;
    private String closeReason;

    /** Starts with the whole screen changed, so the first request of any kind gets a full picture. */
    ClientUpdateState(Rect screen, PixelFormat format) {
        this.screen = screen;
        this.format = format;
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
        if (!copyRectEnabled) {
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
     * The next update tells the client the new size (DesktopSize) and nothing else; everything is then
     * changed. Whether the client can take it is decided when the update is taken, because a client may
     * send SetEncodings only after a resize right at its start.
     */
    @Override
    public synchronized void resized(int width, int height) {
        screen = new Rect(0, 0, width, height);
        changed.clear();
        changed.add(screen);
        pendingCopy = null;
        pendingResize = true;
        notifyAll();
    }

    /** The client's SetPixelFormat (already validated); applies to updates taken from now on. */
    synchronized void setPixelFormat(PixelFormat newFormat) {
        format = newFormat;
    }

    /** The client's SetEncodings: whether it may be sent CopyRect and DesktopSize. */
    synchronized void setEncodings(boolean copyRect, boolean desktopSize) {
        copyRectEnabled = copyRect;
        desktopSizeEnabled = desktopSize;
        if (!copyRect) {
            dropPendingCopy();
        }
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

    /** Wakes the writer for good; {@link #awaitWork(long)} returns true from now on. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Why this state closed itself (a client that cannot follow a resize), or null. */
    synchronized String closeReason() {
        return closeReason;
    }

    /**
     * Waits until an update can be sent or the state is closed.
     *
     * @return true when there is work (or the state closed); false when {@code timeoutMillis} passed
     */
    synchronized boolean awaitWork(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!closed && !hasWork()) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private boolean hasWork() {
        if (requestArea == null) {
            return false;
        }
        return pendingResize || requestForced || changed.intersects(requestArea)
                || (pendingCopy != null && pendingCopy.target().intersects(requestArea));
    }

    /**
     * Takes what answers the outstanding request, clearing it. Call with the desktop's lock held and read the
     * pixels in the same locked call.
     *
     * @return the update to send, or null when there is nothing to answer yet (or the state just closed
     *         because the client cannot be told about a resize)
     */
    synchronized PendingUpdate take() {
        if (closed || !hasWork()) {
            return null;
        }
        if (pendingResize) {
            if (!desktopSizeEnabled) {
                closeReason = "the desktop was resized to " + screen.width() + "x" + screen.height()
                        + " and the client did not list the DesktopSize pseudo-encoding";
                close();
                return null;
            }
            pendingResize = false;
            requestArea = null;
            requestForced = false;
            return PendingUpdate.desktopSize(screen, format);
        }
        Rect area = requestArea;
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
        return new PendingUpdate(copy, raw, null, format);
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
