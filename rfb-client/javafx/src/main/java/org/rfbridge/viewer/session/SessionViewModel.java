// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.Failures;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.client.Target;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.protocol.AdaptiveEncoding;
import org.rfbridge.rfb.protocol.DecodeStats;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.viewer.connect.PasswordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote session's state and actions, for {@link SessionView}. It owns the {@link RfbClient}: starts it,
 * turns its events into properties, hands input to its {@link InputRouter}, reconnects, and maps failures to what the user reads (through
 * {@link Failures}, the library's one place for that).
 *
 * <p>Threads: every public method is called on the JavaFX application thread (the {@code ui} executor), and
 * every property changes there. The client's events arrive on its session thread and are handed to {@code ui},
 * except pixels, which go straight to the {@link FrameSink}. Anything that may block (closing a client, writing
 * a screenshot) runs on the {@code background} executor; the password prompt makes only the session thread
 * wait.
 */
public final class SessionViewModel {
    /** Where the session is. */
    public enum State { IDLE, CONNECTING, CONNECTED, DISCONNECTED }

    /** Starts a client; {@link RfbClient#start(String, RfbClient.TransportOpener, ClientOptions, RfbClientListener)}. */
    @FunctionalInterface
    public interface ClientStarter {
        RfbClient start(String name, RfbClient.TransportOpener opener, ClientOptions options,
                RfbClientListener listener);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SessionViewModel.class);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofMinutes(5);

    private final ClientStarter starter;
    private final FrameSink display;
    private final DialogService dialogs;
    private final PasswordStore passwords;
    private final Executor ui;
    private final Executor background;
    private final LongSupplier nanoClock;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper desktopName = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper desktopWidth = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper desktopHeight = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper encoding = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper updatesPerSecond = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bandwidth = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<CursorShape> cursor = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty viewOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<ResizeMode> resizeMode = new SimpleObjectProperty<>(ResizeMode.OFF);
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(false);
    private final javafx.beans.property.ReadOnlyBooleanWrapper powerActions =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    private final StringBinding statusText;
    private final StringBinding title;

    private final InputRouter input = new InputRouter(this::inputClient, desktopWidth::get, desktopHeight::get);
    private final ClipboardSync clipboardSync;
    private final PasteTyper typer;
    private final ScreenshotSaver screenshots;
    private final ObjectProperty<EncodingPreferences> encodingPreferences =
            new SimpleObjectProperty<>(EncodingPreferences.auto());

    private volatile Session current;
    private int maxClipboardBytes = org.rfbridge.rfb.Limits.DEFAULT_MAX_CUT_TEXT_BYTES;
    private Target lastTarget;
    private Runnable onLeave = () -> { };

    public SessionViewModel(ClientStarter starter, FrameSink display, DialogService dialogs, ClipboardService clipboard,
            PasswordStore passwords, Executor ui, Executor background, LongSupplier nanoClock) {
        this.starter = starter;
        this.display = display;
        this.dialogs = dialogs;
        this.clipboardSync = new ClipboardSync(clipboard, this::inputClient);
        this.screenshots = new ScreenshotSaver(dialogs, ui, background, message::set);
        this.passwords = passwords;
        this.ui = ui;
        this.typer = new PasteTyper(text -> ui.execute(() -> message.set(text)));
        this.background = background;
        this.nanoClock = nanoClock;
        statusText = Bindings.createStringBinding(this::describeStatus, state, desktopName, desktopWidth,
                desktopHeight, encoding, updatesPerSecond, bandwidth, message, viewOnly);
        encodingPreferences.addListener((obs, old, preferences) -> {
            RfbClient client = current == null ? null : current.client;
            if (client != null && preferences != null) {
                client.setEncodingPreferences(preferences);
            }
        });
        title = Bindings.createStringBinding(() -> {
            String name = desktopName.get().isEmpty() ? target.get() : desktopName.get();
            return name.isEmpty() ? "rfbridge viewer" : name + " - rfbridge viewer";
        }, desktopName, target);
    }

    private String describeStatus() {
        return switch (state.get()) {
            case IDLE -> "Not connected";
            case CONNECTING -> "Connecting to " + target.get() + "...";
            case DISCONNECTED -> "Disconnected" + (lastError.get().isEmpty() ? "" : ": " + lastError.get());
            case CONNECTED -> desktopName.get() + "  |  " + desktopWidth.get() + "x" + desktopHeight.get()
                    + "  |  " + (encoding.get().isEmpty() ? "-" : encoding.get())
                    + "  |  " + updatesPerSecond.get() + "  |  " + bandwidth.get()
                    + (viewOnly.get() ? "  |  view only" : "")
                    + (message.get().isEmpty() ? "" : "  |  " + message.get());
        };
    }

    // ---- properties -----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty desktopNameProperty() {
        return desktopName.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty desktopWidthProperty() {
        return desktopWidth.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty desktopHeightProperty() {
        return desktopHeight.getReadOnlyProperty();
    }

    /** The encoding that painted most in the last second, for example "Raw". */
    public ReadOnlyStringProperty encodingProperty() {
        return encoding.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatesPerSecondProperty() {
        return updatesPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bandwidthProperty() {
        return bandwidth.getReadOnlyProperty();
    }

    /** The reason the last session failed, as the user reads it, or empty. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** The server's cursor image, or null for the local default. */
    public ReadOnlyObjectProperty<CursorShape> cursorProperty() {
        return cursor.getReadOnlyProperty();
    }

    public BooleanProperty viewOnlyProperty() {
        return viewOnly;
    }

    /** Whether the server takes power actions (XVP): the Power menu is enabled then. */
    public javafx.beans.property.ReadOnlyBooleanProperty powerActionsProperty() {
        return powerActions.getReadOnlyProperty();
    }

    /** Whether the local clipboard goes to the server. */
    public BooleanProperty clipboardToServerProperty() {
        return clipboardSync.toServerProperty();
    }

    /** Whether the server's clipboard goes to the local one. */
    public BooleanProperty clipboardFromServerProperty() {
        return clipboardSync.fromServerProperty();
    }

    /** The most clipboard text the next sessions take or send, in UTF-8 bytes. */
    public void setMaxClipboardBytes(int bytes) {
        maxClipboardBytes = bytes;
    }

    /** Asks the server for a power action (2 shut down, 3 reboot, 4 reset); the view confirms first. */
    public void powerAction(int code) {
        RfbClient client = inputClient();
        if (client != null && powerActions.get()) {
            client.sendXvp(code);
        }
    }

    public ObjectProperty<ResizeMode> resizeModeProperty() {
        return resizeMode;
    }

    /**
     * The window's desktop area is {@code width}x{@code height} device pixels now (the view calls this once the
     * user has stopped dragging): in remote mode the server is asked for that size.
     */
    public void viewportSettled(int width, int height) {
        RfbClient client = current == null ? null : current.client;
        if (resizeMode.get() == ResizeMode.REMOTE && client != null && state.get() == State.CONNECTED
                && width > 0 && height > 0) {
            client.requestDesktopSize(width, height);
        }
    }

    public BooleanProperty fullScreenProperty() {
        return fullScreen;
    }

    public StringBinding statusTextProperty() {
        return statusText;
    }

    public StringBinding titleProperty() {
        return title;
    }

    /** What sessions ask the server for; a change applies to the current session at once. */
    public ObjectProperty<EncodingPreferences> encodingPreferencesProperty() {
        return encodingPreferences;
    }

    /** Called when the user leaves the session for the connection form. */
    public void setOnLeave(Runnable onLeave) {
        this.onLeave = onLeave;
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    /** Starts a session to {@code where}, ending any current one. Returns at once. */
    public void connect(Target where) {
        endCurrent();
        lastTarget = where;
        SessionStats stats = new SessionStats();
        Session session = new Session(where.toString(), stats);
        ClientOptions options = ClientOptions.builder()
                // The handshake clock keeps running while the user types the password, so give people time.
                .handshakeTimeout(HANDSHAKE_TIMEOUT)
                .passwords(session.password)
                .encodingPreferences(encodingPreferences.get())
                .maxCutTextBytes(maxClipboardBytes)
                .build();
        current = session;
        target.set(where.toString());
        desktopName.set("");
        encoding.set("");
        updatesPerSecond.set("");
        bandwidth.set("");
        message.set("");
        lastError.set("");
        cursor.set(null);
        state.set(State.CONNECTING);
        stats.sample(nanoClock.getAsLong(), new DecodeStats().snapshot());
        session.client = starter.start(where.toString(), () -> where.open(options), options, session);
    }

    /** Connects again to the last target. */
    public void reconnect() {
        if (lastTarget != null) {
            connect(lastTarget);
        }
    }

    /** Ends the session on the user's request (no error dialog). */
    public void disconnect() {
        if (current != null) {
            endCurrent();
            state.set(State.DISCONNECTED);
        }
    }

    /** Ends the session and goes back to the connection form. */
    public void leave() {
        disconnect();
        onLeave.run();
    }

    private void endCurrent() {
        Session session = current;
        current = null;
        if (session != null) {
            session.cancelled = true;
            display.sessionEnded();
            RfbClient client = session.client;
            if (client != null) {
                // close() waits for the session thread; never on the FX thread.
                background.execute(client::close);
            }
        }
        input.reset();
    }

    /** Refreshes the rates; the view calls it once a second. */
    public void tick() {
        Session session = current;
        if (session == null || state.get() != State.CONNECTED) {
            return;
        }
        RfbClient client = session.client;
        if (client == null) {
            return;
        }
        SessionStats.Sample sample = session.stats.sample(nanoClock.getAsLong(), client.stats().snapshot());
        updatesPerSecond.set(String.format(java.util.Locale.ROOT, "%.0f updates/s", sample.updatesPerSecond()));
        bandwidth.set(SessionStats.formatRate(sample.bytesPerSecond()) + ", link " + client.link().describe());
        AdaptiveEncoding choice = client.encodingChoice();
        encoding.set(sample.encoding() + (choice == null ? "" : " (" + choice.describeQuality() + ")"));
    }

    // ---- input, clipboard, screenshot ------------------------------------------------------------------------

    /** The client that takes the user's input now, or null (not connected, or view only). */
    private RfbClient inputClient() {
        Session session = current;
        if (session == null || viewOnly.get() || state.get() != State.CONNECTED) {
            return null;
        }
        return session.client;
    }

    /** Where the view sends the user's keys, pointer and wheel. */
    public InputRouter input() {
        return input;
    }

    /** The window lost focus: release every key and button the server thinks are held. */
    public void focusLost() {
        input.releaseAll();
    }

    /** The window got focus: offer the local clipboard to the server if it changed. */
    public void focusGained() {
        clipboardSync.offerIfChanged();
    }

    /** Sends the local clipboard's text to the server now. */
    public void sendLocalClipboard() {
        clipboardSync.sendLocal();
    }

    /** Types the local clipboard's text as key presses, for servers without a clipboard. */
    public void typeLocalClipboard() {
        RfbClient client = inputClient();
        String text = clipboardSync.localText();
        if (client != null && text != null) {
            typer.type(client, text);
        }
    }

    /** Stops typing the clipboard. */
    public void stopTyping() {
        typer.cancel();
    }

    /** Asks where to save, then writes the current screen there as PNG (off the FX thread). */
    public void saveScreenshot() {
        Session session = current;
        if (session != null && session.client != null && state.get() == State.CONNECTED) {
            screenshots.askAndSave(session.client);
        }
    }

    /** Writes the current screen to {@code path} as PNG (off the FX thread); for menus and tests. */
    public CompletableFuture<Path> saveScreenshot(RfbClient client, Path path) {
        return screenshots.save(client, path);
    }

    /** The running client, or null; for tests and the screenshot action. */
    public RfbClient client() {
        Session session = current;
        return session == null ? null : session.client;
    }

    // ---- the session's events -------------------------------------------------------------------------------

    /** The listener of one client; events of a session that is no longer current are ignored. */
    private final class Session implements RfbClientListener {
        final String key;
        final SessionStats stats;
        volatile RfbClient client;
        volatile boolean cancelled;
        final PasswordPrompt password;

        Session(String key, SessionStats stats) {
            this.key = key;
            this.stats = stats;
            this.password = new PasswordPrompt(key, passwords, dialogs, ui, () -> isCurrent() && !cancelled);
        }

        private boolean isCurrent() {
            return current == this;
        }

        private void onUi(Runnable action) {
            ui.execute(() -> {
                if (isCurrent()) {
                    action.run();
                }
            });
        }

        @Override
        public void onConnected(SessionInfo info) {
            onUi(() -> {
                desktopName.set(info.name());
                desktopWidth.set(info.width());
                desktopHeight.set(info.height());
                state.set(State.CONNECTED);
                char[] remember = password.takeToRemember();
                if (remember != null) {
                    boolean saved = passwords.remember(key, remember);
                    java.util.Arrays.fill(remember, '\0');
                    if (!saved) {
                        message.set("the password could not be remembered");
                    }
                }
            });
        }

        @Override
        public void onFramebufferUpdate(Framebuffer fb, List<Rect> dirty) {
            if (!isCurrent()) {
                return;
            }
            display.frameUpdated(fb, dirty, () -> {
                if (isCurrent()) {
                    stats.updateShown();
                    RfbClient c = client;
                    if (c != null) {
                        c.updateConsumed();
                    }
                }
            });
        }

        @Override
        public void onDesktopResized(Framebuffer fb) {
            if (!isCurrent()) {
                return;
            }
            display.framebufferReplaced(fb);
            int width = fb.width();
            int height = fb.height();
            onUi(() -> {
                desktopWidth.set(width);
                desktopHeight.set(height);
            });
        }

        @Override
        public void onDesktopResizeRefused(String reason) {
            onUi(() -> message.set("resize refused: " + reason));
        }

        @Override
        public void onCursorShape(CursorShape shape) {
            onUi(() -> cursor.set(shape));
        }

        @Override
        public void onClipboard(String text) {
            onUi(() -> clipboardSync.received(text));
        }

        @Override
        public void onClipboardDropped(String reason) {
            onUi(() -> message.set("clipboard: " + reason));
        }

        @Override
        public void onLedState(int state) {
            onUi(() -> input.ledState(state));
        }

        @Override
        public void onDesktopName(String name) {
            onUi(() -> desktopName.set(name));
        }

        @Override
        public void onXvpAvailable(int version) {
            onUi(() -> powerActions.set(true));
        }

        @Override
        public void onXvpFailed() {
            onUi(() -> message.set("the server could not do the power action"));
        }

        @Override
        public void onDisconnected(RfbException cause) {
            password.wipe();
            onUi(() -> ended(cause));
        }

        private void ended(RfbException cause) {
            current = null;
            powerActions.set(false);
            display.sessionEnded();
            input.reset();
            state.set(State.DISCONNECTED);
            if (cause instanceof RfbAuthenticationException && password.usedStored()) {
                passwords.forget(key);
            }
            if (cause == null) {
                return;
            }
            if (password.declined()) {
                leave();
                return;
            }
            String reason = Failures.describe(cause);
            lastError.set(reason);
            LOG.info("session to {} ended: {}", key, reason);
            if (dialogs.askReconnect("Disconnected from " + key, reason)) {
                reconnect();
            } else {
                onLeave.run();
            }
        }
    }
}
