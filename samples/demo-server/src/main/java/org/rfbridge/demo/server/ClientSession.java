// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client. Its reader thread runs the handshake and then reads client messages and acts on them
 * in order; once the handshake is done a writer thread sends what the {@link ClientUpdateState} holds
 * (updates, and the messages the reader and the desktop queued there), and it alone writes to the socket from
 * then on. Whatever goes wrong ends this session only: the reason is logged and the socket closed.
 */
final class ClientSession implements ClientMessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    /** How often an idle writer re-checks whether the session ended. */
    private static final long WRITER_POLL_MILLIS = 1000;
    /** How long a fence with BlockAfter holds the reader for its answer to go out (a client that reads). */
    private static final long BLOCK_AFTER_MILLIS = 5000;

    private final int id;
    private final Socket socket;
    private final SocketAddress remote;
    private final DemoDesktop desktop;
    private final ServerOptions options;
    private final LoginThrottle throttle;
    private final ScheduledExecutorService watchdog;
    private final ScreenLayouts screens;
    private final Runnable onEnd;
    private final Thread reader;
    private volatile ClientUpdateState state;
    private volatile SessionClipboard clipboard;
    /** What the client's last SetEncodings announced; the reader thread's alone. */
    private ClientEncodings encodings = ClientEncodings.NONE;
    private volatile boolean handshaking = true;
    private volatile boolean deadlinePassed;
    private Thread writer;

    /**
     * @param screens the desktop's screen layout, shared by all sessions
     * @param onEnd   run once on the reader thread when the session has ended and its socket is closed
     */
    ClientSession(int id, Socket socket, DemoDesktop desktop, ServerOptions options, LoginThrottle throttle,
            ScheduledExecutorService watchdog, ScreenLayouts screens, Runnable onEnd) {
        this.id = id;
        this.socket = socket;
        this.remote = socket.getRemoteSocketAddress();
        this.desktop = desktop;
        this.options = options;
        this.throttle = throttle;
        this.watchdog = watchdog;
        this.screens = screens;
        this.onEnd = onEnd;
        this.reader = new Thread(this::readLoop, "rfb-session-" + id + "-reader");
        this.reader.setDaemon(true);
    }

    int id() {
        return id;
    }

    void start() {
        reader.start();
    }

    /** Ends the session from any thread; the reader thread cleans up. */
    void close() {
        ClientUpdateState current = state;
        if (current != null) {
            current.close();
        }
        closeSocket();
    }

    /** Waits up to {@code millis} for the session's threads to end. */
    void join(long millis) throws InterruptedException {
        reader.join(millis);
    }

    private void readLoop() {
        String reason = "ended";
        boolean connected = false;
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Math.toIntExact(options.handshakeTimeout().toMillis()));
            // The read timeout alone restarts with every byte, so a client trickling its handshake would keep
            // its slot forever: the whole handshake has a deadline.
            ScheduledFuture<?> deadline = watchdog.schedule(() -> {
                deadlinePassed = true;
                closeSocket();
            }, options.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
            ServerHandshake handshake = new ServerHandshake(options.version(), options.authenticator(),
                    desktop.name(), throttle, socket.getInetAddress());
            Rect[] announced = new Rect[1];
            ServerHandshake.Result result = handshake.run(in, out, () -> {
                // Each factory runs under the desktop's lock, so what it reads matches what it listens to.
                ClientUpdateState updates = desktop.addListener(screen -> {
                    announced[0] = screen;
                    return new ClientUpdateState(id, screen, ServedPixelFormats.SERVER_NATIVE, desktop.lockKeys(),
                            screens);
                });
                state = updates;
                clipboard = desktop.addListener(screen -> new SessionClipboard(id, desktop, updates,
                        options.maxCutText(), desktop.clipboardText(), desktop.clipboardOwner()));
                return announced[0];
            });
            deadline.cancel(false);
            handshaking = false;
            if (deadlinePassed) {
                // The deadline struck as the handshake finished: the socket is already closed.
                throw new SocketTimeoutException("handshake deadline");
            }
            socket.setSoTimeout(0);
            ClientUpdateState newState = state;
            connected = true;
            desktop.clientConnected();
            desktop.log("client #" + id + " connected (RFB " + result.version().label() + ")");
            LOG.info("session #{} from {}: connected with RFB {}{}", id, remote, result.version().label(),
                    result.shared() ? "" : " (asked for exclusive access; the demo desktop is always shared)");
            writer = new Thread(() -> writeLoop(newState, out), "rfb-session-" + id + "-writer");
            writer.setDaemon(true);
            writer.start();
            ClientMessageReader messages = new ClientMessageReader(in, options.maxCutText());
            while (!newState.isClosed()) {
                messages.readMessage(this);
            }
        } catch (ClientProtocolException e) {
            reason = "protocol error: " + e.getMessage();
            LOG.warn("session #{} from {}: {}; closing it", id, remote, reason);
        } catch (AuthenticationFailedException e) {
            reason = e.getMessage();
            LOG.warn("session #{} from {}: {}; closing it", id, remote, reason);
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException || (handshaking && deadlinePassed)) {
                reason = "handshake not finished within " + options.handshakeTimeout().toMillis() + " ms";
                LOG.warn("session #{} from {}: {}; closing it", id, remote, reason);
            } else if (e instanceof EOFException) {
                reason = "client closed the connection";
                LOG.info("session #{} from {}: {}", id, remote, reason);
            } else {
                reason = "connection error: " + e.getMessage();
                LOG.info("session #{} from {}: {}", id, remote, reason);
            }
        } catch (RuntimeException e) {
            reason = "internal error: " + e;
            LOG.error("session #{} from {}: internal error; closing it", id, remote, e);
        } finally {
            SessionClipboard shared = clipboard;
            if (shared != null) {
                desktop.removeListener(shared);
            }
            ClientUpdateState current = state;
            if (current != null) {
                desktop.removeListener(current);
                if (current.closeReason() != null) {
                    reason = current.closeReason();
                }
                current.close();
            }
            closeSocket();
            joinWriter();
            if (connected) {
                desktop.clientDisconnected(id);
                desktop.log("client #" + id + " left: " + shorten(reason));
            }
            onEnd.run();
        }
    }

    private void writeLoop(ClientUpdateState updates, DataOutputStream out) {
        try {
            while (!updates.isClosed()) {
                if (!updates.awaitWork(WRITER_POLL_MILLIS) || updates.isClosed()) {
                    continue;
                }
                Outgoing next = desktop.read((rgb, stride) -> {
                    ClientUpdateState.Batch batch = updates.take();
                    if (batch == null) {
                        return null;
                    }
                    byte[] update = batch.update() == null ? null : UpdateEncoder.encode(batch.update(), rgb, stride);
                    return new Outgoing(batch.messages(), update);
                });
                if (next != null) {
                    send(updates, next, out);
                }
            }
        } catch (IOException e) {
            LOG.debug("session #{}: write failed: {}", id, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("session #{}: internal error while sending an update", id, e);
        } finally {
            if (updates.closeReason() != null) {
                LOG.warn("session #{} from {}: {}; closing it", id, remote, updates.closeReason());
            }
            // The reader notices the closed socket and cleans up.
            updates.close();
            closeSocket();
        }
    }

    /** A batch ready for the wire: the queued messages, then the encoded update or null. */
    private record Outgoing(List<byte[]> messages, byte[] update) {
    }

    private static void send(ClientUpdateState updates, Outgoing next, DataOutputStream out) throws IOException {
        long bytes = next.update() == null ? 0 : next.update().length;
        for (byte[] message : next.messages()) {
            bytes += message.length;
        }
        // Counted before writing, so that the flow-control fence can follow in the same flush. A fence answer
        // with BlockAfter may thus release the reader a moment early; nothing taken later can overtake it.
        byte[] fence = updates.written(bytes, next.messages().size());
        for (byte[] message : next.messages()) {
            out.write(message);
        }
        if (next.update() != null) {
            out.write(next.update());
        }
        if (fence != null) {
            out.write(fence);
        }
        out.flush();
    }

    private void joinWriter() {
        Thread w = writer;
        if (w == null || w == Thread.currentThread()) {
            return;
        }
        try {
            w.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("session #{}: closing the socket failed: {}", id, e.toString());
        }
    }

    private static String shorten(String reason) {
        return reason.length() <= 60 ? reason : reason.substring(0, 57) + "...";
    }

    // ClientMessageHandler: called on the reader thread after the handshake.

    @Override
    public void setPixelFormat(PixelFormat format) {
        LOG.debug("session #{}: pixel format {}", id, format);
        state.setPixelFormat(format);
    }

    @Override
    public void setEncodings(ClientEncodings newEncodings) {
        LOG.debug("session #{}: {}", id, newEncodings);
        encodings = newEncodings;
        state.setEncodings(newEncodings);
        clipboard.setEncodings(newEncodings);
    }

    @Override
    public void updateRequest(boolean incremental, Rect area) {
        state.request(incremental, area);
    }

    @Override
    public void keyEvent(boolean down, int keysym) {
        desktop.keyEvent(down, keysym);
    }

    @Override
    public void qemuKeyEvent(boolean down, int keysym, int scancode) {
        desktop.scancodeKeyEvent(id, down, keysym, scancode);
    }

    @Override
    public void pointerEvent(int buttonMask, int x, int y) {
        desktop.pointerEvent(id, buttonMask, x, y);
    }

    @Override
    public void cutText(String text) {
        clipboard.received(text);
    }

    @Override
    public void cutTextSkipped(long length) {
        LOG.warn("session #{} from {}: skipped a clipboard message of {} bytes (limit {})", id, remote, length,
                options.maxCutText());
        desktop.log("client #" + id + " clipboard of " + length + " bytes skipped (too long)");
    }

    @Override
    public void clipboardCaps(int formats, int actions, long textMax) {
        LOG.debug("session #{}: clipboard caps formats 0x{} actions 0x{} text limit {}", id,
                Integer.toHexString(formats), Integer.toHexString(actions), textMax);
        clipboard.caps(formats, actions, textMax);
    }

    @Override
    public void clipboardRequest(int formats) {
        clipboard.request(formats);
    }

    @Override
    public void clipboardPeek() {
        clipboard.peek();
    }

    @Override
    public void clipboardNotify(int formats) {
        clipboard.notified(formats);
    }

    @Override
    public void clipboardProvide(String text) {
        clipboard.received(text);
    }

    @Override
    public void clipboardDropped(String reason) {
        LOG.warn("session #{} from {}: dropped its clipboard: {}", id, remote, reason);
        desktop.log("client #" + id + " clipboard dropped: " + reason);
    }

    @Override
    public void continuousUpdates(boolean enable, Rect area) throws ClientProtocolException {
        if (!enable) {
            state.disableContinuous();
            return;
        }
        if (!state.enableContinuous(area)) {
            Rect screen = state.screen();
            throw new ClientProtocolException("EnableContinuousUpdates for " + area.width() + "x" + area.height()
                    + " at " + area.x() + "," + area.y() + " lies outside the " + screen.width() + "x"
                    + screen.height() + " framebuffer");
        }
    }

    @Override
    public void fence(int flags, byte[] payload) {
        if ((flags & ServerMessageWriter.FENCE_REQUEST) == 0) {
            state.fenceAnswered(payload);
            return;
        }
        // Messages are handled in order and the answer queued before the next one is read, which is all that
        // BlockBefore and SyncNext ask; BlockAfter also waits until the answer went out.
        long ticket = state.post(ServerMessageWriter.fence(flags & ServerMessageWriter.FENCE_ANSWER_MASK, payload));
        if ((flags & ServerMessageWriter.FENCE_BLOCK_AFTER) != 0) {
            try {
                state.awaitWritten(ticket, BLOCK_AFTER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void setDesktopSize(int width, int height, ScreenLayout layout) {
        if (!encodings.extendedDesktopSize()) {
            // Without ExtendedDesktopSize the client could not be told the outcome.
            LOG.warn("session #{}: SetDesktopSize {}x{} ignored: the client did not announce ExtendedDesktopSize",
                    id, width, height);
            return;
        }
        String problem = layout.problemFor(width, height);
        int status;
        if (!options.remoteResize()) {
            status = PseudoRect.STATUS_PROHIBITED;
        } else if (problem != null) {
            status = PseudoRect.STATUS_INVALID_LAYOUT;
        } else if (!DemoDesktop.sizeAllowed(width, height)) {
            status = PseudoRect.STATUS_OUT_OF_RESOURCES;
        } else {
            desktop.log("client #" + id + " resizes the desktop to " + width + "x" + height);
            screens.resize(desktop, id, width, height, layout);
            return;
        }
        LOG.info("session #{}: SetDesktopSize {}x{} with {} screens refused with status {}{}", id, width, height,
                layout.screens().size(), status, problem == null ? "" : " (" + problem + ")");
        state.refuseResize(status);
    }
}
