// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.client;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.RfbTimeoutException;
import org.rfbridge.rfb.RfbTransportException;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.protocol.AdaptiveEncoding;
import org.rfbridge.rfb.protocol.ConnectionEvents;
import org.rfbridge.rfb.protocol.DecodeStats;
import org.rfbridge.rfb.protocol.Keysyms;
import org.rfbridge.rfb.protocol.LinkEstimate;
import org.rfbridge.rfb.protocol.RfbConnection;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.rfb.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RFB session with a server, run on a thread of its own.
 *
 * <p>Threads: the <em>session thread</em> (named {@code rfb-session-TARGET}) connects, runs the
 * {@link RfbConnection}, writes to the transport and calls the {@link RfbClientListener}; it owns all session
 * state. A <em>reader thread</em> ({@code rfb-reader-TARGET}) only blocks in {@link Transport#read} and hands
 * the bytes to the session thread in one of {@value #MAX_CHUNKS_IN_FLIGHT} buffers that go back and forth
 * between the two, so a chunk is never copied on the way (when all are in flight it stops reading, and TCP
 * backpressure reaches the server). Every public method may be called from any
 * thread: input methods ({@link #sendKey}, {@link #sendPointer}, {@link #sendClipboard},
 * {@link #updateConsumed}, {@link #requestFullUpdate}) only queue work for the session thread and never
 * block; input sent before the handshake completes, or beyond {@value #MAX_PENDING_INPUT} pending events, is
 * dropped and logged.
 *
 * <p>Flow: the first update is the whole framebuffer; after each update the next incremental one is
 * requested only once {@link #updateConsumed()} is called (unless the options acknowledge automatically).
 *
 * <p>Typical test use:
 * <pre>{@code
 * try (RfbClient client = RfbClient.connect("127.0.0.1:5901",
 *         ClientOptions.builder().password("secret").autoAcknowledgeUpdates(true).build(),
 *         new RfbClientListener() { })) {
 *     Framebuffer first = client.awaitFirstUpdate(Duration.ofSeconds(10));
 *     int argb = first.getPixel(10, 10);
 *     client.sendPointer(100, 100, PointerButtons.LEFT);
 *     client.sendPointer(100, 100, 0);
 *     client.typeText("hello\n");
 * }
 * }</pre>
 */
public final class RfbClient implements AutoCloseable {
    /** Opens the transport; called on the session thread. */
    @FunctionalInterface
    public interface TransportOpener {
        Transport open() throws IOException;
    }

    /** Read buffers: what may wait unread by the connection while it holds an update back (2 MiB). */
    static final int MAX_CHUNKS_IN_FLIGHT = 32;
    static final int MAX_PENDING_INPUT = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(RfbClient.class);
    private static final int READ_BUFFER_SIZE = 64 * 1024;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private interface Task {
        void run() throws RfbException;
    }

    private static final Task STOP = () -> { };

    private final String name;
    private final ClientOptions options;
    private final RfbClientListener listener;
    private final TransportOpener opener;
    private final BlockingQueue<Task> tasks = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> freeBuffers = new ArrayBlockingQueue<>(MAX_CHUNKS_IN_FLIGHT + 1);
    /** Chunks read but not yet given to the connection (see {@link #feed()}); session thread only. */
    private final java.util.ArrayDeque<Chunk> unfed = new java.util.ArrayDeque<>();
    private final AtomicInteger pendingInput = new AtomicInteger();
    private final CompletableFuture<SessionInfo> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> firstUpdate = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final RfbConnection connection;
    private final Thread sessionThread;

    private volatile Transport transport;
    private volatile boolean closing;
    private volatile RfbException failure;
    // Written by the session thread before it ends; read by others only after `finished`.
    private volatile Framebuffer finalFramebuffer;
    private volatile boolean serverTakesDesktopSize;
    private volatile boolean continuousUpdates;

    private RfbClient(String name, TransportOpener opener, ClientOptions options, RfbClientListener listener) {
        this.name = name;
        this.opener = Objects.requireNonNull(opener, "opener");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.connection = new RfbConnection(options.connection(), new Events());
        this.sessionThread = newThread(this::runSession, "rfb-session-" + name);
    }

    /** Starts a session to {@code target} and returns at once; see {@link #awaitConnected}. */
    public static RfbClient start(Target target, ClientOptions options, RfbClientListener listener) {
        RfbClient client = new RfbClient(target.toString(), () -> target.open(options), options, listener);
        client.sessionThread.start();
        return client;
    }

    /**
     * Starts a session over a transport {@code opener} provides (tests, custom transports) and returns at
     * once; {@code name} labels threads and logs.
     */
    public static RfbClient start(String name, TransportOpener opener, ClientOptions options,
            RfbClientListener listener) {
        RfbClient client = new RfbClient(name, opener, options, listener);
        client.sessionThread.start();
        return client;
    }

    /**
     * Connects to {@code target} (see {@link Target#parse}) and waits for the handshake, bounded by the
     * options' connect and handshake timeouts.
     *
     * @throws RfbException why the session could not be established (it is closed then)
     */
    public static RfbClient connect(String target, ClientOptions options, RfbClientListener listener)
            throws RfbException, InterruptedException {
        RfbClient client = start(Target.parse(target), options, listener);
        try {
            client.awaitConnected(options.connectTimeout().plus(options.handshakeTimeout()).plusSeconds(1));
            return client;
        } catch (TimeoutException e) {
            client.close();
            throw new RfbTimeoutException("no connection to " + target + " within the timeouts");
        } catch (RfbException | InterruptedException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private Thread newThread(Runnable body, String threadName) {
        ThreadFactory factory = options.threadFactory();
        Thread thread = factory != null ? factory.newThread(body) : new Thread(body);
        if (factory == null) {
            thread.setDaemon(true);
            thread.setName(threadName);
        }
        return thread;
    }

    /**
     * Waits for the handshake.
     *
     * @return what it established
     * @throws RfbException why the session failed
     * @throws TimeoutException if it has not finished in {@code timeout} (the session goes on)
     */
    public SessionInfo awaitConnected(Duration timeout) throws RfbException, InterruptedException, TimeoutException {
        return await(connected, timeout);
    }

    /**
     * Waits until the first framebuffer update that painted anything (the answer to the initial request for
     * the whole screen) has been applied, and returns a copy of the framebuffer taken on the session thread
     * after it.
     */
    public Framebuffer awaitFirstUpdate(Duration timeout) throws RfbException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        await(firstUpdate, timeout);
        return snapshot(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    /**
     * A copy of the framebuffer between two messages, taken on the session thread (or, once the session is
     * over, of its last state).
     */
    public Framebuffer snapshot(Duration timeout) throws RfbException, InterruptedException, TimeoutException {
        if (finished.getCount() == 0) {
            return lastFramebufferOrFail();
        }
        CompletableFuture<Framebuffer> copy = new CompletableFuture<>();
        tasks.add(() -> {
            Framebuffer fb = connection.framebuffer();
            if (fb == null) {
                copy.completeExceptionally(new IllegalStateException("no framebuffer before ServerInit"));
            } else {
                copy.complete(fb.copy());
            }
        });
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return copy.get(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)),
                        TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                if (finished.getCount() == 0) {
                    return lastFramebufferOrFail();
                }
                if (System.nanoTime() >= deadline) {
                    throw e;
                }
            }
        }
    }

    private Framebuffer lastFramebufferOrFail() throws RfbException {
        Framebuffer fb = finalFramebuffer;
        if (fb != null) {
            return fb.copy();
        }
        if (failure != null) {
            throw failure;
        }
        throw new IllegalStateException("the session ended before ServerInit");
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout)
            throws RfbException, InterruptedException, TimeoutException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RfbException rfb) {
                throw rfb;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Tells the session the last update has been taken, so the next incremental one may be requested. */
    public void updateConsumed() {
        post(() -> {
            connection.updateConsumed();
            while (connection.step()) {
                // the update held back for the consumer, and what follows it
            }
            feed();
        });
    }

    /** Requests the whole framebuffer again. */
    public void requestFullUpdate() {
        post(connection::requestFullUpdate);
    }

    /**
     * Asks the server to make its desktop {@code width}x{@code height} (see {@link RfbConnection#requestDesktopSize});
     * a viewer debounces this while the user drags its window.
     */
    public void requestDesktopSize(int width, int height) {
        post(() -> connection.requestDesktopSize(width, height));
    }

    /** Whether the server takes desktop size requests; false until its first update says so. Read on any thread. */
    public boolean serverTakesDesktopSize() {
        return serverTakesDesktopSize;
    }

    /** How many FramebufferUpdateRequests the session has sent; read on any thread. */
    public long updateRequestsSent() {
        return connection.updateRequestsSent();
    }

    /** Whether the server sends updates unasked (continuous updates); read on any thread. */
    public boolean continuousUpdates() {
        return continuousUpdates;
    }

    /** Presses ({@code down}) or releases the key with X11 keysym {@code keysym} (see {@link Keysyms}). */
    public void sendKey(int keysym, boolean down) {
        post(() -> connection.sendKeyEvent(keysym, down));
    }

    /**
     * Presses or releases a key with the XT scancode of the physical key (QEMU's form; 0 when unknown), which
     * servers that take QEMU's extended key events get with the keysym (see
     * {@link RfbConnection#sendKeyEvent(int, boolean, int)}).
     */
    public void sendKey(int keysym, boolean down, int scancode) {
        post(() -> connection.sendKeyEvent(keysym, down, scancode));
    }

    /** Whether keys go with their scancodes (the server takes QEMU's extended key events). Read on any thread. */
    public boolean extendedKeyEvents() {
        return connection.extendedKeyEvents();
    }

    /** Asks for a power action (2 shutdown, 3 reboot, 4 reset) once the server offered them. */
    public void sendXvp(int code) {
        post(() -> connection.sendXvp(code));
    }

    /** Presses and releases a key. */
    public void typeKey(int keysym) {
        sendKey(keysym, true);
        sendKey(keysym, false);
    }

    /** Types {@code text} key by key ({@link Keysyms#forCodePoint}; newline is Return). */
    public void typeText(String text) {
        text.codePoints().forEach(cp -> typeKey(Keysyms.forCodePoint(cp)));
    }

    /**
     * Moves the pointer to (x, y) with the buttons in {@code buttonMask} held (see
     * {@code PointerButtons}); a click is a call with the button followed by one without.
     */
    public void sendPointer(int x, int y, int buttonMask) {
        if (buttonMask < 0 || buttonMask > 0xFF) {
            throw new IllegalArgumentException("button mask " + buttonMask + " outside 0..255");
        }
        post(() -> connection.sendPointerEvent(x, y, buttonMask));
    }

    /**
     * Sets the server's clipboard: UTF-8 with servers that have the extended clipboard, else ISO-8859-1 (other
     * characters become '?'); text over a limit goes as {@link RfbClientListener#onClipboardDropped}.
     */
    public void sendClipboard(String text) {
        Objects.requireNonNull(text, "text");
        post(() -> connection.sendClientCutText(text));
    }

    private void post(Task input) {
        if (closing || finished.getCount() == 0) {
            LOG.debug("{}: session over, input dropped", name);
            return;
        }
        if (pendingInput.incrementAndGet() > MAX_PENDING_INPUT) {
            pendingInput.decrementAndGet();
            LOG.warn("{}: {} input events pending, dropping one", name, MAX_PENDING_INPUT);
            return;
        }
        tasks.add(() -> {
            pendingInput.decrementAndGet();
            if (connection.state() != RfbConnection.State.NORMAL) {
                LOG.debug("{}: input before the handshake completed, dropped", name);
                return;
            }
            input.run();
        });
    }

    /** What the session has received and decoded so far; snapshots may be taken on any thread. */
    public DecodeStats stats() {
        return connection.stats();
    }

    /** Asks for encodings by {@code preferences} from now on (applied on the session thread). */
    public void setEncodingPreferences(EncodingPreferences preferences) {
        post(() -> connection.setEncodingPreferences(preferences));
    }

    /** The link as the session measures it; read on any thread. */
    public LinkEstimate link() {
        return connection.link();
    }

    /** What the session asks the server for, null before ServerInit; read on any thread. */
    public AdaptiveEncoding encodingChoice() {
        return connection.encodingChoice();
    }

    /** Whether the session has not ended yet. */
    public boolean isOpen() {
        return finished.getCount() > 0;
    }

    /** Why the session failed, or null if it has not (or was closed by {@link #close()}). */
    public RfbException failure() {
        return failure;
    }

    /** Waits for the session to end; true if it did within {@code timeout}. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the session (the listener's {@code onDisconnected(null)} follows, unless it had already failed) and
     * waits a few seconds for the session thread to finish, unless called on that thread.
     */
    @Override
    public void close() {
        closing = true;
        tasks.add(STOP);
        Transport t = transport;
        if (t != null) {
            t.close();
        }
        if (Thread.currentThread() != sessionThread) {
            try {
                if (!finished.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("{}: session thread still running {} after close", name, CLOSE_WAIT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runSession() {
        RfbException cause = null;
        try {
            Transport t = openTransport();
            transport = t;
            if (closing) {
                return;
            }
            newThread(() -> readLoop(t), "rfb-reader-" + name).start();
            long handshakeDeadline = System.nanoTime() + options.handshakeTimeout().toNanos();
            while (true) {
                Task task;
                if (connection.state() == RfbConnection.State.NORMAL) {
                    task = tasks.take();
                } else {
                    task = tasks.poll(Math.max(0, handshakeDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (task == null) {
                        throw new RfbTimeoutException("the server at " + name + " did not complete the handshake within "
                                + options.handshakeTimeout().toMillis() + " ms");
                    }
                }
                if (task == STOP) {
                    return;
                }
                task.run();
                flush(t);
            }
        } catch (RfbException e) {
            cause = closing ? null : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("{}: session failed unexpectedly", name, e);
            cause = new RfbException(ErrorCode.INTERNAL, e.toString(), e);
        } finally {
            end(cause);
        }
    }

    private Transport openTransport() throws RfbTransportException {
        try {
            return opener.open();
        } catch (IOException e) {
            throw new RfbTransportException("cannot connect to " + name + ": " + describeIo(e), e);
        }
    }

    private static String describeIo(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void flush(Transport t) throws RfbTransportException {
        if (!connection.hasOutput()) {
            return;
        }
        byte[] bytes = connection.takeOutput();
        try {
            t.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new RfbTransportException("connection to " + name + " broke while sending: " + describeIo(e), e);
        }
    }

    private void readLoop(Transport t) {
        for (int i = 0; i < MAX_CHUNKS_IN_FLIGHT; i++) {
            freeBuffers.add(new byte[READ_BUFFER_SIZE]);
        }
        try {
            while (!closing) {
                byte[] buffer = freeBuffers.take();
                int count = t.read(buffer, 0, buffer.length);
                Chunk chunk = new Chunk(buffer, count, System.nanoTime());
                tasks.add(() -> {
                    unfed.add(chunk);
                    feed();
                });
                if (count < 0) {
                    return;
                }
            }
        } catch (IOException e) {
            if (!closing) {
                tasks.add(() -> {
                    throw new RfbTransportException("connection to " + name + " broke: " + describeIo(e), e);
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bytes the transport read at {@code arrivedNanos}; a negative count is the end of the stream. */
    private record Chunk(byte[] buffer, int count, long arrivedNanos) {
    }

    /**
     * Hands read chunks to the connection and steps it, until the connection holds back (the next update waits
     * for the consumer): the chunks then wait here, their buffers are not given back, and once all of them wait
     * the reader stops reading, so the server meets TCP's backpressure. Session thread only.
     */
    private void feed() throws RfbException {
        while (!unfed.isEmpty() && !connection.holdsBack()) {
            if (unfed.peek().count() < 0 && connection.awaitingConsumer()) {
                // The end waits behind the update the consumer still draws.
                return;
            }
            Chunk chunk = unfed.poll();
            if (chunk.count() < 0) {
                connection.endOfStream();
                return;
            }
            connection.receive(chunk.buffer(), 0, chunk.count(), chunk.arrivedNanos());
            freeBuffers.add(chunk.buffer());
            while (connection.step()) {
                // Each step handles one unit; keep going until the bytes run out or the consumer must catch up.
            }
        }
    }

    private void end(RfbException cause) {
        failure = cause;
        finalFramebuffer = connection.framebuffer();
        closing = true;
        Transport t = transport;
        if (t != null) {
            t.close();
        }
        // A reader waiting for a buffer must wake up to see the closed transport and stop.
        freeBuffers.offer(new byte[READ_BUFFER_SIZE]);
        if (cause != null) {
            LOG.debug("{}: session failed: {}", name, cause.getMessage(), cause);
            connected.completeExceptionally(cause);
            firstUpdate.completeExceptionally(cause);
        } else {
            RfbException closed = new RfbException(ErrorCode.CLOSED, "the session was closed");
            connected.completeExceptionally(closed);
            firstUpdate.completeExceptionally(closed);
        }
        tasks.clear();
        finished.countDown();
        notifyListener(() -> listener.onDisconnected(cause));
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: listener failed", name, e);
        }
    }

    /** The connection's events, passed on as they are, with the session's own futures completed on the way. */
    private final class Events implements ConnectionEvents {
        @Override
        public void onConnected(SessionInfo info) {
            connected.complete(info);
            notifyListener(() -> listener.onConnected(info));
        }

        @Override
        public void onFramebufferUpdate(Framebuffer fb, List<Rect> dirty) {
            serverTakesDesktopSize = connection.serverTakesDesktopSize();
            continuousUpdates = connection.continuousUpdates();
            notifyListener(() -> listener.onFramebufferUpdate(fb, dirty));
            if (!dirty.isEmpty()) {
                firstUpdate.complete(null);
            }
        }

        @Override
        public void onDesktopResized(Framebuffer fb) {
            notifyListener(() -> listener.onDesktopResized(fb));
        }

        @Override
        public void onDesktopResizeRefused(String reason) {
            notifyListener(() -> listener.onDesktopResizeRefused(reason));
        }

        @Override
        public void onCursorShape(CursorShape shape) {
            notifyListener(() -> listener.onCursorShape(shape));
        }

        @Override
        public void onBell() {
            notifyListener(listener::onBell);
        }

        @Override
        public void onClipboard(String text) {
            notifyListener(() -> listener.onClipboard(text));
        }

        @Override
        public void onClipboardDropped(String message) {
            notifyListener(() -> listener.onClipboardDropped(message));
        }

        @Override
        public void onLedState(int state) {
            notifyListener(() -> listener.onLedState(state));
        }

        @Override
        public void onDesktopName(String name) {
            notifyListener(() -> listener.onDesktopName(name));
        }

        @Override
        public void onXvpAvailable(int version) {
            notifyListener(() -> listener.onXvpAvailable(version));
        }

        @Override
        public void onXvpFailed() {
            notifyListener(listener::onXvpFailed);
        }
    }
}
