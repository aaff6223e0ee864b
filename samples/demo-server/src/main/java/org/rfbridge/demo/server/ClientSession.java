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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.rfbridge.demo.desktop.DemoDesktop;
import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connected client. Its reader thread runs the handshake and then reads client messages; once the
 * handshake is done a writer thread sends framebuffer updates, and it alone writes to the socket from then
 * on. Whatever goes wrong ends this session only: the reason is logged and the socket closed.
 */
final class ClientSession implements ClientMessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ClientSession.class);
    /** How often an idle writer re-checks whether the session ended. */
    private static final long WRITER_POLL_MILLIS = 1000;

    private final int id;
    private final Socket socket;
    private final SocketAddress remote;
    private final DemoDesktop desktop;
    private final ServerOptions options;
    private final LoginThrottle throttle;
    private final ScheduledExecutorService watchdog;
    private final Runnable onEnd;
    private final Thread reader;
    private volatile ClientUpdateState state;
    private volatile boolean handshaking = true;
    private volatile boolean deadlinePassed;
    private Thread writer;

    /**
     * @param onEnd run once on the reader thread when the session has ended and its socket is closed
     */
    ClientSession(int id, Socket socket, DemoDesktop desktop, ServerOptions options, LoginThrottle throttle,
            ScheduledExecutorService watchdog, Runnable onEnd) {
        this.id = id;
        this.socket = socket;
        this.remote = socket.getRemoteSocketAddress();
        this.desktop = desktop;
        this.options = options;
        this.throttle = throttle;
        this.watchdog = watchdog;
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
                state = desktop.addListener(screen -> {
                    announced[0] = screen;
                    return new ClientUpdateState(screen, ServedPixelFormats.SERVER_NATIVE);
                });
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
                byte[] message = desktop.read((rgb, stride) -> {
                    PendingUpdate update = updates.take();
                    return update == null ? null : UpdateEncoder.encode(update, rgb, stride);
                });
                if (message != null) {
                    out.write(message);
                    out.flush();
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
    public void setEncodings(boolean copyRect, boolean desktopSize, int listed) {
        LOG.debug("session #{}: {} encodings, CopyRect {}, DesktopSize {}", id, listed, copyRect, desktopSize);
        state.setEncodings(copyRect, desktopSize);
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
    public void pointerEvent(int buttonMask, int x, int y) {
        desktop.pointerEvent(id, buttonMask, x, y);
    }

    @Override
    public void cutText(String text) {
        desktop.clipboard(id, text);
        desktop.log("client #" + id + " clipboard: " + text.length() + " characters");
    }

    @Override
    public void cutTextSkipped(long length) {
        LOG.warn("session #{} from {}: skipped ClientCutText of {} bytes (limit {})", id, remote, length,
                options.maxCutText());
        desktop.log("client #" + id + " clipboard of " + length + " bytes skipped (too long)");
    }
}
