// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.util.List;
import org.rfbridge.demo.desktop.DesktopListener;
import org.rfbridge.demo.desktop.Rect;

/**
 * One client's view of what it is missing: the pixels changed since they were last sent, a pending copy,
 * the outstanding update request, and the client's pixel format and encodings.
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

    private final Rect screen;
    private final Region changed = new Region();
    private CopyOperation pendingCopy;
    private Rect requestArea;
    private boolean requestForced;
    private PixelFormat format;
    private boolean copyRectEnabled;
    private boolean closed;

    /** Starts with the whole screen changed, so the first request of any kind gets a full picture. */
    ClientUpdateState(Rect screen, PixelFormat format) {
        this.screen = screen;
        this.format = format;
        changed.add(screen);
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

    /** The client's SetPixelFormat (already validated); applies to updates taken from now on. */
    synchronized void setPixelFormat(PixelFormat newFormat) {
        format = newFormat;
    }

    /** The client's SetEncodings: whether it may be sent CopyRect. */
    synchronized void setCopyRectEnabled(boolean enabled) {
        copyRectEnabled = enabled;
        if (!enabled) {
            dropPendingCopy();
        }
    }

    /**
     * A FramebufferUpdateRequest for {@code area} (already clipped to the screen). A non-incremental one
     * marks the whole area changed and is answered even if that area is empty. Requests arriving before the
     * last one was answered are merged into it.
     */
    synchronized void request(boolean incremental, Rect area) {
        if (!incremental) {
            changed.add(area);
            requestForced = true;
        }
        requestArea = requestArea == null ? area : requestArea.union(area);
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
        return requestForced || changed.intersects(requestArea)
                || (pendingCopy != null && pendingCopy.target().intersects(requestArea));
    }

    /**
     * Takes what answers the outstanding request, clearing it. Call with the desktop's lock held and read the
     * pixels in the same locked call.
     *
     * @return the update to send, or null when there is nothing to answer yet
     */
    synchronized PendingUpdate take() {
        if (closed || !hasWork()) {
            return null;
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
        return new PendingUpdate(copy, raw, format);
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
