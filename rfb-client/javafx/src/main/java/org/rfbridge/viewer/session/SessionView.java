// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Dimension2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.geometry.Insets;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.viewer.input.KeyCombo;
import org.rfbridge.viewer.input.PointerTranslator;

/**
 * The session window's content: menus, the remote display (1:1 in a scroll pane, scaled to fit, or the remote
 * desktop resized to the window; see {@link ResizeMode}) and the
 * status bar. Builds controls and forwards events to the {@link SessionViewModel}; decides nothing itself.
 */
public final class SessionView extends BorderPane {
    /** CSS ids, used by the UI tests. */
    public static final String STATUS_ID = "status-bar";
    public static final String SCROLL_ID = "display-scroll";

    private final SessionViewModel model;
    private final FramebufferDisplay display;
    private ScheduledExecutorService ticker;
    private final ScrollPane scroll;
    private final StackPane surface;
    private final PauseTransition remoteResize = new PauseTransition(Duration.millis(250));

    public SessionView(SessionViewModel model, FramebufferDisplay display, Runnable quit) {
        this.model = model;
        this.display = display;
        Node image = display.content();

        surface = new StackPane(display.view());
        // Top-left, never centred: a centred desktop can land on half pixels and blur at 1:1.
        surface.setAlignment(Pos.TOP_LEFT);
        surface.setFocusTraversable(true);
        surface.setStyle("-fx-background-color: #202020;");
        scroll = new ScrollPane(surface);
        scroll.setId(SCROLL_ID);
        scroll.setPannable(false);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setFocusTraversable(false);
        scroll.setStyle("-fx-background: #202020; -fx-background-insets: 0; -fx-padding: 0;");
        setCenter(scroll);
        // The skin caches its viewport as an image (for fast panning), so any change inside re-rendered the whole
        // viewport into that cache and then drew it again: every update, however small, cost a full repaint.
        scroll.skinProperty().addListener((obs, old, skin) -> {
            Node viewport = scroll.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });

        Label status = new Label();
        status.setId(STATUS_ID);
        status.textProperty().bind(model.statusTextProperty());
        status.setPadding(new Insets(2, 8, 2, 8));
        status.setMaxWidth(Double.MAX_VALUE);
        setBottom(status);

        setTop(buildMenus(quit));
        bindScaling();
        wireInput(image);

        model.cursorProperty().addListener((obs, old, shape) -> image.setCursor(CursorImages.toCursor(shape)));
    }

    /** Starts the display and the status bar clock (FX thread). */
    public void start() {
        display.start();
        if (ticker == null) {
            // Not a Timeline: a running animation keeps JavaFX pulsing all the time, and the display asks for a
            // fast pulse rate so that updates show at once (see Launcher); the clock must not make that a busy loop.
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "viewer-status-clock");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> Platform.runLater(model::tick), 1, 1, TimeUnit.SECONDS);
        }
        surface.requestFocus();
    }

    /** Stops them (FX thread). */
    public void stop() {
        display.stop();
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    /** Asks for a viewport of this size (the desktop's, within the screen) when the window is next sized. */
    public void preferViewport(double width, double height) {
        scroll.setPrefViewportWidth(width);
        scroll.setPrefViewportHeight(height);
    }

    private MenuBar buildMenus(Runnable quit) {
        MenuItem reconnect = new MenuItem("Reconnect");
        reconnect.setOnAction(e -> model.reconnect());
        MenuItem screenshot = new MenuItem("Save screenshot...");
        screenshot.setId("menu-screenshot");
        screenshot.setOnAction(e -> model.saveScreenshot());
        MenuItem disconnect = new MenuItem("Disconnect");
        disconnect.setOnAction(e -> model.leave());
        MenuItem exit = new MenuItem("Quit");
        exit.setOnAction(e -> quit.run());
        Menu session = new Menu("Session", null, reconnect, screenshot, new SeparatorMenuItem(), disconnect, exit);

        ToggleGroup modes = new ToggleGroup();
        Menu resize = new Menu("Desktop size");
        for (ResizeMode mode : ResizeMode.values()) {
            RadioMenuItem item = new RadioMenuItem(mode.label());
            item.setId("menu-resize-" + mode.word());
            item.setToggleGroup(modes);
            item.setSelected(model.resizeModeProperty().get() == mode);
            model.resizeModeProperty().addListener((obs, old, now) -> item.setSelected(now == mode));
            item.setOnAction(e -> model.resizeModeProperty().set(mode));
            resize.getItems().add(item);
        }
        CheckMenuItem full = new CheckMenuItem("Full screen");
        full.selectedProperty().bindBidirectional(model.fullScreenProperty());
        CheckMenuItem viewOnly = new CheckMenuItem("View only");
        viewOnly.selectedProperty().bindBidirectional(model.viewOnlyProperty());
        Menu view = new Menu("View", null, resize, full, viewOnly);

        Menu keys = new Menu("Keys");
        for (KeyCombo combo : KeyCombo.values()) {
            MenuItem item = new MenuItem("Send " + combo.label());
            item.setOnAction(e -> model.input().sendCombo(combo));
            keys.getItems().add(item);
        }
        MenuItem clip = new MenuItem("Send local clipboard");
        clip.setOnAction(e -> model.sendLocalClipboard());
        CheckMenuItem toServer = new CheckMenuItem("Share my clipboard with the server");
        toServer.selectedProperty().bindBidirectional(model.clipboardToServerProperty());
        CheckMenuItem fromServer = new CheckMenuItem("Take the server's clipboard");
        fromServer.selectedProperty().bindBidirectional(model.clipboardFromServerProperty());
        MenuItem type = new MenuItem("Type local clipboard as keystrokes");
        type.setOnAction(e -> model.typeLocalClipboard());
        MenuItem stop = new MenuItem("Stop typing");
        stop.setOnAction(e -> model.stopTyping());
        keys.getItems().addAll(new SeparatorMenuItem(), clip, toServer, fromServer, new SeparatorMenuItem(), type,
                stop);
        MenuBar bar = new MenuBar(session, view, keys, powerMenu(), encodingMenu());
        bar.setFocusTraversable(false);
        return bar;
    }

    /** Shut down, reboot and reset, each confirmed, enabled once the server offers them (XVP). */
    private Menu powerMenu() {
        Menu power = new Menu("Power");
        power.disableProperty().bind(model.powerActionsProperty().not());
        String[][] actions = {{"Shut down", "2"}, {"Reboot", "3"}, {"Reset", "4"}};
        for (String[] action : actions) {
            MenuItem item = new MenuItem(action[0] + "...");
            item.setOnAction(e -> {
                javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.CONFIRMATION,
                        action[0] + " the remote machine?", javafx.scene.control.ButtonType.OK,
                        javafx.scene.control.ButtonType.CANCEL);
                confirm.setHeaderText(null);
                confirm.showAndWait().filter(javafx.scene.control.ButtonType.OK::equals)
                        .ifPresent(ok -> model.powerAction(Integer.parseInt(action[1])));
            });
            power.getItems().add(item);
        }
        return power;
    }

    /**
     * Encoding, JPEG quality and compression, each "Auto" or a fixed choice, applied to the session at once (the
     * same choices as the command line's --encoding, --quality and --compression).
     */
    private Menu encodingMenu() {
        Menu encoding = new Menu("Ask for");
        Menu quality = new Menu("Quality");
        Menu compression = new Menu("Compression");
        ToggleGroup encodings = new ToggleGroup();
        encoding.getItems().add(choice("Auto (Tight)", encodings, p -> p.preferred() == null,
                EncodingPreferences::anyEncoding));
        for (int e : new int[] {Encodings.TIGHT, Encodings.ZRLE, Encodings.HEXTILE, Encodings.ZLIB, Encodings.RRE,
            Encodings.RAW}) {
            encoding.getItems().add(choice(Encodings.name(e), encodings, p -> Integer.valueOf(e).equals(p.preferred()),
                    p -> p.preferring(e)));
        }
        ToggleGroup qualities = new ToggleGroup();
        quality.getItems().add(choice("Auto (from the link)", qualities, p -> p.quality() == EncodingPreferences.AUTO,
                p -> p.withQuality(EncodingPreferences.AUTO)));
        quality.getItems().add(choice("Lossless", qualities, p -> p.quality() == EncodingPreferences.LOSSLESS,
                p -> p.withQuality(EncodingPreferences.LOSSLESS)));
        for (int q = 9; q >= 0; q--) {
            int level = q;
            quality.getItems().add(choice("JPEG " + q, qualities, p -> p.quality() == level, p -> p.withQuality(level)));
        }
        ToggleGroup levels = new ToggleGroup();
        compression.getItems().add(choice("Auto", levels, p -> p.compression() == EncodingPreferences.AUTO,
                p -> p.withCompression(EncodingPreferences.AUTO)));
        for (int c = 0; c <= 9; c++) {
            int level = c;
            compression.getItems().add(choice(String.valueOf(c), levels, p -> p.compression() == level,
                    p -> p.withCompression(level)));
        }
        return new Menu("Encoding", null, encoding, quality, compression);
    }

    private RadioMenuItem choice(String label, ToggleGroup group, Predicate<EncodingPreferences> selected,
            UnaryOperator<EncodingPreferences> apply) {
        RadioMenuItem item = new RadioMenuItem(label);
        item.setToggleGroup(group);
        item.setSelected(selected.test(model.encodingPreferencesProperty().get()));
        model.encodingPreferencesProperty().addListener((obs, old, now) -> item.setSelected(selected.test(now)));
        item.setOnAction(e -> model.encodingPreferencesProperty().set(apply.apply(model.encodingPreferencesProperty().get())));
        return item;
    }

    private void bindScaling() {
        InvalidationListener rescale = obs -> updateScale();
        model.resizeModeProperty().addListener(rescale);
        scroll.widthProperty().addListener(rescale);
        scroll.heightProperty().addListener(rescale);
        display.sizeProperty().addListener(rescale);
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, was, window) -> {
                    if (window != null) {
                        window.outputScaleXProperty().addListener(rescale);
                    }
                    updateScale();
                });
            }
        });
        // Asking on every step of a drag would make the server resize dozens of times; ask once it settles.
        remoteResize.setOnFinished(e -> model.viewportSettled(deviceWidth(), deviceHeight()));
        // A change listener, unlike an invalidation listener, hears every change whether or not anyone read the value.
        javafx.beans.value.ChangeListener<Object> viewportChanged = (obs, old, now) -> {
            if (model.resizeModeProperty().get() == ResizeMode.REMOTE) {
                remoteResize.playFromStart();
            }
        };
        scroll.widthProperty().addListener(viewportChanged);
        scroll.heightProperty().addListener(viewportChanged);
        model.resizeModeProperty().addListener(viewportChanged);
        model.stateProperty().addListener(viewportChanged);
        updateScale();
    }

    /** Device pixels per layout pixel: more than 1 on a scaled (HiDPI) screen. */
    private double outputScale() {
        return getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getOutputScaleX();
    }

    private int deviceWidth() {
        return (int) Math.floor((scroll.getWidth() - 2) * outputScale());
    }

    private int deviceHeight() {
        return (int) Math.floor((scroll.getHeight() - 2) * outputScale());
    }

    /**
     * 1:1 is one remote pixel per device pixel, so that a scaled screen shows the desktop sharp. Remote mode is 1:1
     * too, scaled down only while the desktop is larger than the window (before the server took its size, or if it
     * refused).
     */
    private void updateScale() {
        // Every observed value is read on every call: an invalidation listener fires only for a property read since
        // its last change, so a value skipped here would never call this again (the view stayed scaled after a
        // remote resize that way).
        ResizeMode mode = model.resizeModeProperty().get();
        double oneToOne = 1 / outputScale();
        Dimension2D size = display.sizeProperty().get();
        double width = scroll.getWidth();
        double height = scroll.getHeight();
        if (size == null || width <= 2 || height <= 2) {
            updateScrollBars(mode != ResizeMode.OFF);
            display.setScale(oneToOne);
            return;
        }
        double fit = Math.min((width - 2) / size.getWidth(), (height - 2) / size.getHeight());
        double scale = switch (mode) {
            case OFF -> oneToOne;
            case SCALE -> fit;
            case REMOTE -> Math.min(oneToOne, fit);
        };
        updateScrollBars(mode != ResizeMode.OFF);
        display.setScale(scale);
    }

    private void updateScrollBars(boolean fit) {
        ScrollPane.ScrollBarPolicy policy = fit ? ScrollPane.ScrollBarPolicy.NEVER
                : ScrollPane.ScrollBarPolicy.AS_NEEDED;
        scroll.setHbarPolicy(policy);
        scroll.setVbarPolicy(policy);
    }

    private void wireInput(Node image) {
        image.addEventHandler(MouseEvent.ANY, e -> {
            if (e.getEventType() == MouseEvent.MOUSE_PRESSED) {
                surface.requestFocus();
            }
            if (e.getEventType() == MouseEvent.MOUSE_MOVED || e.getEventType() == MouseEvent.MOUSE_DRAGGED
                    || e.getEventType() == MouseEvent.MOUSE_PRESSED || e.getEventType() == MouseEvent.MOUSE_RELEASED) {
                int mask = PointerTranslator.buttonMask(e.isPrimaryButtonDown(), e.isMiddleButtonDown(),
                        e.isSecondaryButtonDown(), e.isBackButtonDown());
                model.input().pointer(display.toDesktopX(e.getX()), display.toDesktopY(e.getY()), mask);
                e.consume();
            }
        });
        image.addEventHandler(ScrollEvent.SCROLL, e -> {
            model.input().scroll(display.toDesktopX(e.getX()), display.toDesktopY(e.getY()), e.getDeltaX(), e.getDeltaY(),
                    e.getMultiplierX(), e.getMultiplierY());
            e.consume();
        });
        // A filter, so that the scroll pane's arrow keys and the menu bar's Alt/F10 never steal remote keys.
        addEventFilter(KeyEvent.ANY, e -> {
            if (e.getEventType() == KeyEvent.KEY_PRESSED) {
                model.input().keyPressed(e.getCode(), e.getText(), e.isControlDown());
            } else if (e.getEventType() == KeyEvent.KEY_RELEASED) {
                model.input().keyReleased(e.getCode());
            } else if (e.getEventType() == KeyEvent.KEY_TYPED) {
                model.input().keyTyped(e.getCharacter());
            }
            e.consume();
        });
    }
}
