// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.rfbridge.demo.server.ExtendedClipboardFlags.NOTIFY;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.PROVIDE;
import static org.rfbridge.demo.server.ExtendedClipboardFlags.TEXT;

import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.DesktopListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's side of the desktop's shared clipboard: what it may be sent and how. A client with the
 * extended clipboard gets the server's caps after each SetEncodings announcing it; once its own caps came,
 * a new clipboard is offered to it by notify (and provided when it asks), or provided at once when it takes
 * no notify, in UTF-8. Any other client gets each new clipboard as legacy ServerCutText in Latin-1. Whatever
 * a client provides becomes the desktop's clipboard, which tells every other client.
 *
 * <p>A client is never sent its own text back, and a legacy client is sent only clipboards that changed
 * after it connected: for it a ServerCutText replaces its user's clipboard, whereas an extended client only
 * learns that text is there. So a client that connects to a desktop holding text is offered that text only if
 * it speaks the extended clipboard.
 *
 * <p>Thread-safe through its own monitor. {@link #clipboardChanged} comes under the desktop's lock; the other
 * methods come from the session's reader thread and never call into the desktop while holding this monitor.
 * Lock order: desktop, this, update state.
 */
final class SessionClipboard implements DesktopListener {

    private static final Logger LOG = LoggerFactory.getLogger(SessionClipboard.class);

    private final int client;
    private final DemoDesktop desktop;
    private final ClientUpdateState out;
    private final int maxCutText;
    private boolean announced;
    private boolean peerCaps;
    private int peerFormats;
    private int peerActions;
    private long peerTextMax;
    private String text;
    private int owner;
    /** Whether {@link #text} is news this client has not been offered yet. */
    private boolean unoffered;

    /**
     * @param text  the desktop's clipboard when the session started (null: empty), read under its lock
     * @param owner who put it there
     */
    SessionClipboard(int client, DemoDesktop desktop, ClientUpdateState out, int maxCutText, String text, int owner) {
        this.client = client;
        this.desktop = desktop;
        this.out = out;
        this.maxCutText = maxCutText;
        this.text = text;
        this.owner = owner;
        this.unoffered = text != null && owner != client;
    }

    @Override
    public synchronized void clipboardChanged(int newOwner, String newText) {
        text = newText;
        owner = newOwner;
        unoffered = newOwner != client;
        if (!unoffered) {
            return;
        }
        if (announced && !peerCaps) {
            // Its caps will say how to offer it.
            return;
        }
        if (announced && (peerFormats & TEXT) != 0) {
            offerExtended();
        } else {
            out.post(ServerMessageWriter.serverCutText(newText));
            unoffered = false;
        }
    }

    /** The client's SetEncodings: with the extended clipboard in it, the server's caps go out (again). */
    synchronized void setEncodings(ClientEncodings encodings) {
        announced = encodings.extendedClipboard();
        if (announced) {
            out.post(ServerMessageWriter.clipboardCaps(maxCutText));
        }
    }

    synchronized void caps(int formats, int actions, long textMax) {
        peerCaps = true;
        peerFormats = formats;
        peerActions = actions;
        peerTextMax = textMax;
        if (unoffered && (formats & TEXT) != 0) {
            offerExtended();
        }
    }

    private void offerExtended() {
        long length = ServerMessageWriter.provideTextLength(text);
        if (peerTextMax != 0 && length > peerTextMax) {
            LOG.info("session #{}: clipboard of {} bytes not offered, over the client's limit of {}", client, length,
                    peerTextMax);
            unoffered = false;
            return;
        }
        if ((peerActions & NOTIFY) != 0) {
            out.post(ServerMessageWriter.clipboardNotify(true));
        } else if ((peerActions & PROVIDE) != 0) {
            out.post(ServerMessageWriter.clipboardProvide(text));
        } else {
            out.post(ServerMessageWriter.serverCutText(text));
        }
        unoffered = false;
    }

    /** The client asks for our clipboard: provide it, or a provide of nothing when there is none. */
    synchronized void request(int formats) {
        boolean give = (formats & TEXT) != 0 && text != null;
        out.post(ServerMessageWriter.clipboardProvide(give ? text : null));
    }

    /** The client asks what our clipboard holds. */
    synchronized void peek() {
        out.post(ServerMessageWriter.clipboardNotify(text != null));
    }

    /** The client's clipboard changed: ask for it if it is text. */
    synchronized void notified(int formats) {
        if ((formats & TEXT) != 0) {
            out.post(ServerMessageWriter.clipboardRequest());
        }
    }

    /** Text from the client (provided, or legacy ClientCutText): it becomes the desktop's clipboard. */
    void received(String newText) {
        // Not under this monitor: the desktop calls every session's clipboardChanged, this one's too.
        desktop.clipboard(client, ExtendedClipboardText.toLf(newText));
        desktop.log("client #" + client + " clipboard: " + newText.length() + " characters");
    }
}
