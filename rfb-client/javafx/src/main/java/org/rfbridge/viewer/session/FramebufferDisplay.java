// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.Rect;

/**
 * Shows the client's framebuffer through {@link PixelBuffer}s over an array of the display's own. The desktop is
 * cut into full-width bands of {@value #BAND_HEIGHT} rows, each a slice of that array (rows are contiguous, so a
 * band needs no copy) in an {@link ImageView} of its own: JavaFX repaints whole nodes, so a small change repaints
 * one band instead of the whole desktop, which matters where JavaFX renders in software (no GPU: a full 1920x1080
 * repaint costs tens of milliseconds).
 *
 * <p>Updates reported on the session thread are merged into one dirty rectangle and ask for a pulse; at the start
 * of that pulse (a pre-layout pulse listener of the scene) the FX thread copies that rectangle from the
 * client's framebuffer into each touched band inside {@link PixelBuffer#updateBuffer} (the one place JavaFX lets
 * a buffer change, as the render thread may be reading it at any other time) and only then acknowledges the
 * update, so the client may decode the next one into its framebuffer. That is the render backpressure: the server
 * is never more than one update ahead of what is shown, updates that arrive within one pulse are drawn once, and
 * no frame is ever shown half-written: the client never writes while the FX thread copies, and the render thread
 * never reads the client's array.
 *
 * <p>The pixels are opaque, so the premultiplied ARGB format JavaFX requires for {@code IntBuffer}s shows them
 * unchanged. When scaled, each band is stretched to whole screen pixels (a transform on the group would put band
 * edges on fractional pixels and show seams); {@link #toDesktopX}/{@link #toDesktopY} map event coordinates.
 */
public final class FramebufferDisplay implements FrameSink {
    /** Rows per band. */
    public static final int BAND_HEIGHT = 64;

    private final Group content = new Group();
    private final Group node = new Group(content);
    private final ReadOnlyObjectWrapper<Dimension2D> size = new ReadOnlyObjectWrapper<>();
    private final Runnable onPulse = this::drawWhileStarted;
    // Set and cleared on the FX thread, read on the session thread: whether an update should ask for a pulse.
    private volatile boolean started;

    // Shared with the session thread; guarded by `lock`.
    private final Object lock = new Object();
    private Framebuffer latest;
    private boolean replaced;
    private boolean dirty;
    private int dirtyX0;
    private int dirtyY0;
    private int dirtyX1;
    private int dirtyY1;
    private Runnable pendingConsumed;
    private boolean wakePosted;

    // FX thread only.
    private Framebuffer shown;
    private int[] ownPixels;
    private final List<PixelBuffer<IntBuffer>> bands = new ArrayList<>();
    private long framesDrawn;
    private boolean smooth;
    private double factor = 1;

    public FramebufferDisplay() {
        content.setId("remote-display");
        node.sceneProperty().addListener((property, was, now) -> {
            if (was != null) {
                was.removePreLayoutPulseListener(onPulse);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(onPulse);
            }
        });
    }

    /** The node to put in the scene: the desktop at the current scale. */
    public Node view() {
        return node;
    }

    /** The node that receives input; see {@link #toDesktopX} for its coordinates. */
    public Node content() {
        return content;
    }

    /** The desktop column under x in {@link #content()}'s coordinates. FX thread. */
    public int toDesktopX(double x) {
        return (int) Math.floor(x / factor);
    }

    /** The desktop row under y in {@link #content()}'s coordinates. FX thread. */
    public int toDesktopY(double y) {
        return (int) Math.floor(y / factor);
    }

    /** Where the centre of desktop pixel (x, y) is in {@link #content()}'s coordinates. FX thread. */
    public Point2D toContent(int x, int y) {
        return new Point2D((x + 0.5) * factor, (y + 0.5) * factor);
    }

    /** Sets the scale factor (1 is pixel for pixel); FX thread. */
    public void setScale(double newFactor) {
        if (!(newFactor > 0) || newFactor == factor) {
            return;
        }
        factor = newFactor;
        smooth = factor != 1.0;
        layoutBands();
    }

    private void layoutBands() {
        if (shown == null) {
            return;
        }
        double width = Math.max(1, Math.round(shown.width() * factor));
        List<Node> views = content.getChildren();
        for (int i = 0; i < views.size(); i++) {
            ImageView view = (ImageView) views.get(i);
            int top = i * BAND_HEIGHT;
            int rows = bands.get(i).getHeight();
            long y0 = Math.round(top * factor);
            long y1 = Math.round((top + rows) * factor);
            view.setLayoutY(y0);
            view.setFitWidth(width);
            view.setFitHeight(Math.max(1, y1 - y0));
            view.setSmooth(smooth);
        }
    }

    /** The size of the desktop shown, or null before the first frame. */
    public ReadOnlyObjectProperty<Dimension2D> sizeProperty() {
        return size.getReadOnlyProperty();
    }

    /** Starts drawing: from now on an update is drawn on the next pulse (FX thread). */
    public void start() {
        started = true;
        Platform.requestNextPulse();
    }

    /** Stops drawing (FX thread). */
    public void stop() {
        started = false;
    }

    private void drawWhileStarted() {
        if (started) {
            drawPending();
        }
    }

    /** How many band updates were drawn; for tests. FX thread. */
    public long framesDrawn() {
        return framesDrawn;
    }

    @Override
    public void frameUpdated(Framebuffer fb, List<Rect> rects, Runnable consumed) {
        synchronized (lock) {
            if (fb != latest) {
                latest = fb;
                replaced = true;
            }
            for (Rect r : rects) {
                addDirty(r.x(), r.y(), r.width(), r.height());
            }
            Runnable earlier = pendingConsumed;
            pendingConsumed = earlier == null ? consumed : () -> {
                earlier.run();
                consumed.run();
            };
        }
        requestPulse();
    }

    @Override
    public void framebufferReplaced(Framebuffer fb) {
        synchronized (lock) {
            latest = fb;
            replaced = true;
        }
        requestPulse();
    }

    /**
     * Asks JavaFX for a pulse, straight from the session thread: the update is drawn at the start of that pulse
     * (a scene pre-layout listener) and shown at its end, with no hop through the FX thread's event queue and no
     * timer that ticks whether or not there is work. One request is made per batch of updates the FX thread has
     * not yet taken.
     */
    private void requestPulse() {
        if (!started) {
            return;
        }
        synchronized (lock) {
            if (wakePosted) {
                return;
            }
            wakePosted = true;
        }
        Platform.requestNextPulse();
    }

    @Override
    public void sessionEnded() {
        synchronized (lock) {
            pendingConsumed = null;
        }
    }

    private void addDirty(int x, int y, int w, int h) {
        if (w <= 0 || h <= 0) {
            return;
        }
        if (!dirty) {
            dirtyX0 = x;
            dirtyY0 = y;
            dirtyX1 = x + w;
            dirtyY1 = y + h;
            dirty = true;
        } else {
            dirtyX0 = Math.min(dirtyX0, x);
            dirtyY0 = Math.min(dirtyY0, y);
            dirtyX1 = Math.max(dirtyX1, x + w);
            dirtyY1 = Math.max(dirtyY1, y + h);
        }
    }

    /** One pulse's work; FX thread. Public for tests that drive the display without a running timer. */
    public void pulse() {
        drawPending();
    }

    /** Draws and acknowledges what arrived since the last pulse; false if nothing had. */
    private boolean drawPending() {
        Framebuffer fb;
        boolean newBuffer;
        boolean changed;
        int x0;
        int y0;
        int x1;
        int y1;
        Runnable consumed;
        synchronized (lock) {
            fb = latest;
            newBuffer = replaced;
            changed = dirty;
            x0 = dirtyX0;
            y0 = dirtyY0;
            x1 = dirtyX1;
            y1 = dirtyY1;
            consumed = pendingConsumed;
            replaced = false;
            dirty = false;
            pendingConsumed = null;
            wakePosted = false;
        }
        if (newBuffer) {
            install(fb);
            framesDrawn++;
        } else if (changed && shown != null) {
            drawDirty(x0, y0, Math.min(x1, shown.width()), Math.min(y1, shown.height()));
        }
        if (consumed != null) {
            consumed.run();
        }
        return newBuffer || changed || consumed != null;
    }

    private void drawDirty(int x0, int y0, int x1, int y1) {
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        for (int band = y0 / BAND_HEIGHT; band < bands.size() && band * BAND_HEIGHT < y1; band++) {
            int top = band * BAND_HEIGHT;
            int from = Math.max(y0, top) - top;
            int to = Math.min(y1, top + bands.get(band).getHeight()) - top;
            if (to > from) {
                int rowFrom = top + from;
                int rowTo = top + to;
                Rectangle2D region = new Rectangle2D(x0, from, x1 - x0, to - from);
                bands.get(band).updateBuffer(b -> {
                    copyFromClient(x0, rowFrom, x1, rowTo);
                    return region;
                });
                framesDrawn++;
            }
        }
    }

    /** Copies columns [x0, x1) of rows [y0, y1) of the client's framebuffer into the display's array. FX thread. */
    private void copyFromClient(int x0, int y0, int x1, int y1) {
        int width = shown.width();
        int[] source = shown.pixels();
        for (int y = y0; y < y1; y++) {
            System.arraycopy(source, y * width + x0, ownPixels, y * width + x0, x1 - x0);
        }
    }

    private void install(Framebuffer fb) {
        shown = fb;
        bands.clear();
        content.getChildren().clear();
        if (fb == null || fb.width() == 0 || fb.height() == 0) {
            size.set(null);
            return;
        }
        int width = fb.width();
        int[] pixels = fb.pixels().clone();
        ownPixels = pixels;
        List<ImageView> views = new ArrayList<>();
        for (int top = 0; top < fb.height(); top += BAND_HEIGHT) {
            int rows = Math.min(BAND_HEIGHT, fb.height() - top);
            IntBuffer slice = IntBuffer.wrap(pixels, top * width, rows * width).slice();
            PixelBuffer<IntBuffer> buffer = new PixelBuffer<>(width, rows, slice,
                    PixelFormat.getIntArgbPreInstance());
            ImageView view = new ImageView(new WritableImage(buffer));
            view.setPreserveRatio(false);
            bands.add(buffer);
            views.add(view);
        }
        content.getChildren().setAll(views);
        layoutBands();
        size.set(new Dimension2D(width, fb.height()));
    }
}
