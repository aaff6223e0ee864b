// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The shared synthetic desktop every demo client sees: a title bar with a clock, colour bars, a panel
 * echoing typed keys, a shared clipboard, a scrolling log, a drawing area and a status bar with the pointer
 * and the lock keys.
 *
 * <p>Thread-safe: every method may be called from any thread (session readers, the animator, tests). All
 * changes happen under one lock, and listeners are told about each change under that lock, before the next
 * change starts — so a listener's view is always consistent with {@link #read(FrameReader)}.
 */
public final class DemoDesktop {

    public static final int MIN_WIDTH = 320;
    public static final int MIN_HEIGHT = 240;
    /** Large enough for any demo, small enough that the framebuffer (4 bytes a pixel) stays modest. */
    public static final int MAX_WIDTH = 4096;
    public static final int MAX_HEIGHT = 4096;

    /** The typed text kept for the echo panel; older characters are dropped first. */
    static final int MAX_ECHO_CHARS = 4000;
    /** How much of the clipboard the panel shows; clients still get all of it. */
    static final int MAX_CLIPBOARD_CHARS = 4000;

    /** What the desktop offers on its clipboard when asked to ({@link #CLIPBOARD_KEYSYM}); not Latin-1 on purpose. */
    public static final String GREETING = "Grüße aus dem Demo-Desktop, 東京 🙂";

    private static final DateTimeFormatter CLOCK_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Keysym of F2, which resizes the desktop to the next of {@link #resizeCycle()}. */
    public static final int RESIZE_KEYSYM = Keysyms.F2;
    /** Keysym of F3, which puts {@link #GREETING} and the time on the shared clipboard. */
    public static final int CLIPBOARD_KEYSYM = org.rfbridge.rfb.protocol.Keysyms.function(3);

    private final Object lock = new Object();
    private final Clock clock;
    private final BitmapFont font = BitmapFont.standard();
    private final int startWidth;
    private final int startHeight;
    private final List<DesktopListener> listeners = new CopyOnWriteArrayList<>();

    // All below guarded by lock.
    private String name;
    private int width;
    private int height;
    private DesktopLayout layout;
    private int[] pixels;
    private Canvas canvas;
    private DesktopPainter painter;
    private long generation;
    private final StringBuilder echo = new StringBuilder();
    private final Map<Integer, int[]> strokeStarts = new HashMap<>();
    private final Deque<String> recentLog = new ArrayDeque<>();
    private String clipboardHeader = "nothing received yet";
    private String clipboardText;
    private int clipboardOwner;
    private int locks;
    private int pointerX;
    private int pointerY;
    private int pointerButtons;
    private int lastKeysym = -1;
    private int clients;

    /**
     * @param name  the desktop name sent to clients and shown in the title bar
     * @param clock the time the clock shows; a fixed clock makes the picture reproducible
     * @throws IllegalArgumentException for a size outside {@link #MIN_WIDTH}..{@link #MAX_WIDTH} ×
     *                                  {@link #MIN_HEIGHT}..{@link #MAX_HEIGHT}
     */
    public DemoDesktop(int width, int height, String name, Clock clock) {
        checkSize(width, height);
        this.clock = clock;
        this.startWidth = width;
        this.startHeight = height;
        synchronized (lock) {
            this.name = name;
            setSize(width, height);
        }
    }

    /** Whether the desktop can take this size. */
    public static boolean sizeAllowed(int width, int height) {
        return width >= MIN_WIDTH && width <= MAX_WIDTH && height >= MIN_HEIGHT && height <= MAX_HEIGHT;
    }

    private static void checkSize(int width, int height) {
        if (!sizeAllowed(width, height)) {
            throw new IllegalArgumentException("desktop size " + width + "x" + height + " is outside "
                    + MIN_WIDTH + "x" + MIN_HEIGHT + " to " + MAX_WIDTH + "x" + MAX_HEIGHT);
        }
    }

    private void setSize(int newWidth, int newHeight) {
        width = newWidth;
        height = newHeight;
        layout = new DesktopLayout(newWidth, newHeight, font);
        pixels = new int[newWidth * newHeight];
        canvas = new Canvas(pixels, newWidth, newHeight);
        painter = new DesktopPainter(canvas, layout, font, this::fireDamage);
        strokeStarts.clear();
        painter.frame();
        painter.title(name, time());
        painter.echo(echo.toString());
        paintClipboard();
        painter.recentLog(new ArrayList<>(recentLog));
        paintStatus();
    }

    /** The current width; it changes on {@link #resize}. */
    public int width() {
        synchronized (lock) {
            return width;
        }
    }

    /** The current height; it changes on {@link #resize}. */
    public int height() {
        synchronized (lock) {
            return height;
        }
    }

    /** The current size as a rectangle at the origin. */
    public Rect bounds() {
        synchronized (lock) {
            return new Rect(0, 0, width, height);
        }
    }

    public String name() {
        synchronized (lock) {
            return name;
        }
    }

    /** Renames the desktop: the title bar shows it and listeners get {@link DesktopListener#renamed}. */
    public void rename(String newName) {
        synchronized (lock) {
            name = newName;
            painter.title(name, time());
            for (DesktopListener listener : listeners) {
                listener.renamed(newName);
            }
        }
    }

    /** The layout for the current size; a resize brings a new one. */
    public DesktopLayout layout() {
        synchronized (lock) {
            return layout;
        }
    }

    /**
     * How many changes the pixels have seen: it grows with every damage, copy and resize. Poll it to know
     * that input was processed, or that the picture has settled.
     */
    public long generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /** Starts telling {@code listener} about changes made from now on. */
    public void addListener(DesktopListener listener) {
        listeners.add(listener);
    }

    /**
     * Atomically creates a listener for the current size and starts telling it about changes, so no resize
     * can fall between reading the size and listening.
     *
     * @param factory called under the desktop's lock with the current bounds; must be quick, and may read
     *                the desktop's other state (its clipboard, lock keys) knowing it cannot change meanwhile
     */
    public <L extends DesktopListener> L addListener(java.util.function.Function<Rect, L> factory) {
        synchronized (lock) {
            L listener = factory.apply(new Rect(0, 0, width, height));
            listeners.add(listener);
            return listener;
        }
    }

    public void removeListener(DesktopListener listener) {
        listeners.remove(listener);
    }

    /** Runs {@code reader} on the pixels while the desktop cannot change, and returns what it produced. */
    public <T> T read(FrameReader<T> reader) {
        synchronized (lock) {
            return reader.read(pixels, width);
        }
    }

    /** A copy of all pixels (0xRRGGBB, row after row). */
    public int[] snapshot() {
        synchronized (lock) {
            return pixels.clone();
        }
    }

    /** A copy of all pixels as opaque ARGB (0xFFRRGGBB, row after row), as RFB clients hold them. */
    public int[] snapshotArgb() {
        synchronized (lock) {
            int[] argb = new int[pixels.length];
            for (int i = 0; i < argb.length; i++) {
                argb[i] = 0xFF00_0000 | pixels[i];
            }
            return argb;
        }
    }

    /**
     * Changes the desktop's size and repaints it for the new size (typed text and the log's recent lines are
     * kept, the drawing is cleared). Listeners get {@link DesktopListener#resized} from the desktop itself.
     *
     * @throws IllegalArgumentException for a size outside the limits
     */
    public void resize(int newWidth, int newHeight) {
        resizeFor(0, newWidth, newHeight);
    }

    /**
     * {@link #resize} at the request of client {@code client} (0: the desktop itself). The same size repaints
     * too: a client asks for it only to change its screen layout, which listeners learn from the call.
     */
    public void resizeFor(int client, int newWidth, int newHeight) {
        checkSize(newWidth, newHeight);
        synchronized (lock) {
            setSize(newWidth, newHeight);
            generation++;
            for (DesktopListener listener : listeners) {
                listener.resized(newWidth, newHeight, client);
            }
        }
    }

    /** The sizes {@link #RESIZE_KEYSYM} steps through: the start size, 640x480, 1280x720, without repeats. */
    public List<int[]> resizeCycle() {
        List<int[]> sizes = new ArrayList<>();
        for (int[] size : new int[][] {{startWidth, startHeight}, {640, 480}, {1280, 720}}) {
            if (sizes.stream().noneMatch(s -> s[0] == size[0] && s[1] == size[1])) {
                sizes.add(size);
            }
        }
        return sizes;
    }

    private void resizeToNext() {
        List<int[]> cycle = resizeCycle();
        int next = 0;
        for (int i = 0; i < cycle.size(); i++) {
            if (cycle.get(i)[0] == width && cycle.get(i)[1] == height) {
                next = (i + 1) % cycle.size();
            }
        }
        resize(cycle.get(next)[0], cycle.get(next)[1]);
    }

    /** Paints a solid rectangle (clipped to the desktop) in 0xRRGGBB colour {@code rgb}. */
    public void fillRect(Rect area, int rgb) {
        synchronized (lock) {
            Rect clipped = area.intersect(canvas.bounds());
            if (!clipped.isEmpty()) {
                painter.fill(clipped, rgb & 0xFFFFFF);
            }
        }
    }

    /** Types {@code text} into the echo panel as key presses would: newline is Return. */
    public void typeText(String text) {
        synchronized (lock) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                keyEvent(true, c == '\n' ? Keysyms.RETURN : c);
            }
        }
    }

    /** The text of the echo panel as typed so far (after backspaces). */
    public String echoText() {
        synchronized (lock) {
            return echo.toString();
        }
    }

    /** Redraws the clock from the desktop's {@link Clock}; the animator calls it every second. */
    public void tickClock() {
        synchronized (lock) {
            painter.title(name, time());
        }
    }

    private String time() {
        return ZonedDateTime.now(clock).format(CLOCK_FORMAT);
    }

    /**
     * Adds a line at the bottom of the log panel, scrolling the older lines up by one (a copy listeners can
     * forward as CopyRect).
     */
    public void log(String line) {
        synchronized (lock) {
            recentLog.addLast(line);
            while (recentLog.size() > 100) {
                recentLog.removeFirst();
            }
            Rect text = layout.logText();
            int lineHeight = layout.lineHeight();
            if (text.height() >= 2 * lineHeight) {
                Rect source = new Rect(text.x(), text.y() + lineHeight, text.width(), text.height() - lineHeight);
                canvas.copy(source, text.x(), text.y());
                Rect target = new Rect(text.x(), text.y(), source.width(), source.height());
                generation++;
                for (DesktopListener listener : listeners) {
                    listener.copied(target, source.x(), source.y());
                }
            }
            painter.logLine(line);
        }
    }

    /** The last lines given to {@link #log(String)}, oldest first (at most 100). */
    public List<String> recentLog() {
        synchronized (lock) {
            return new ArrayList<>(recentLog);
        }
    }

    /**
     * A key went down or up. Printable Latin-1 keysyms (and Unicode keysyms up to U+00FF) are typed into the
     * echo panel; BackSpace deletes, Return starts a new line; Caps Lock, Num Lock and Scroll Lock toggle their
     * lock; everything else only shows in the status bar.
     */
    public void keyEvent(boolean down, int keysym) {
        if (!down) {
            return;
        }
        synchronized (lock) {
            if (keysym == RESIZE_KEYSYM) {
                resizeToNext();
                return;
            }
            if (keysym == CLIPBOARD_KEYSYM) {
                offerClipboard(GREETING + " (" + time() + ")");
                return;
            }
            lastKeysym = keysym;
            int lockBit = LockKeys.bitFor(keysym);
            if (lockBit != 0) {
                locks ^= lockBit;
                for (DesktopListener listener : listeners) {
                    listener.lockKeysChanged(locks);
                }
            }
            int c = Keysyms.latin1Char(keysym);
            boolean changed = true;
            if (c >= 0) {
                echo.append((char) c);
            } else if (keysym == Keysyms.RETURN || keysym == Keysyms.KEYPAD_ENTER) {
                echo.append('\n');
            } else if (keysym == Keysyms.BACKSPACE && echo.length() > 0) {
                echo.setLength(echo.length() - 1);
            } else {
                changed = false;
            }
            if (echo.length() > MAX_ECHO_CHARS) {
                echo.delete(0, echo.length() - MAX_ECHO_CHARS);
            }
            if (changed) {
                painter.echo(echo.toString());
            }
            paintStatus();
        }
    }

    /**
     * A key with its XT scancode (QEMU's form) from client {@code client}: logged with the key's name on the
     * way down, so a user sees what the viewer sent, then handled as {@link #keyEvent}. A keysym of 0 is
     * taken from the scancode as the key types unshifted on a US layout (Shift is not tracked: this only
     * shows that scancodes arrive); a scancode the table lacks with keysym 0 is only logged.
     */
    public void scancodeKeyEvent(int client, boolean down, int keysym, int scancode) {
        synchronized (lock) {
            int effective = keysym != 0 ? keysym : Scancodes.keysym(scancode);
            if (down) {
                log(String.format(Locale.ROOT, "client #%d key %s scancode 0x%02x keysym 0x%04x", client,
                        Scancodes.name(scancode), scancode, effective));
            }
            if (effective != 0) {
                keyEvent(down, effective);
            }
        }
    }

    /** The lock keys now, a set of {@link LockKeys} bits. */
    public int lockKeys() {
        synchronized (lock) {
            return locks;
        }
    }

    /**
     * Pointer of client {@code client} moved or its buttons changed. While button 1 is down it draws in
     * the drawing area; button 3 clears the area. Coordinates outside the desktop are clamped.
     */
    public void pointerEvent(int client, int buttonMask, int x, int y) {
        synchronized (lock) {
            int px = Math.max(0, Math.min(width - 1, x));
            int py = Math.max(0, Math.min(height - 1, y));
            Rect surface = layout.contentOf(layout.drawPanel());
            boolean rightPressed = (buttonMask & 4) != 0 && (pointerButtons & 4) == 0;
            if (rightPressed && surface.contains(px, py)) {
                painter.clearDrawing();
            }
            if ((buttonMask & 1) != 0) {
                int[] from = strokeStarts.getOrDefault(client, new int[] {px, py});
                if (surface.contains(px, py) || surface.contains(from[0], from[1])) {
                    painter.stroke(from[0], from[1], px, py);
                }
                strokeStarts.put(client, new int[] {px, py});
            } else {
                strokeStarts.remove(client);
            }
            pointerX = px;
            pointerY = py;
            pointerButtons = buttonMask;
            paintStatus();
        }
    }

    /**
     * Client {@code client} put {@code text} on its clipboard: it becomes the shared clipboard, the panel
     * shows its start, and listeners are told so the other clients can get it.
     */
    public void clipboard(int client, String text) {
        setClipboard(client, "client #" + client + " sent " + text.length() + " characters:", text);
    }

    /** The desktop itself puts {@code text} on the shared clipboard, for every client to get. */
    public void offerClipboard(String text) {
        setClipboard(0, "the desktop offers " + text.length() + " characters:", text);
    }

    private void setClipboard(int owner, String header, String text) {
        synchronized (lock) {
            clipboardOwner = owner;
            clipboardText = text;
            clipboardHeader = header;
            paintClipboard();
            for (DesktopListener listener : listeners) {
                listener.clipboardChanged(owner, text);
            }
        }
    }

    /** The shared clipboard's text, or null while nobody has put any there. */
    public String clipboardText() {
        synchronized (lock) {
            return clipboardText;
        }
    }

    /** Who put {@link #clipboardText()} there: a client's id, or 0 for the desktop (and for nobody yet). */
    public int clipboardOwner() {
        synchronized (lock) {
            return clipboardOwner;
        }
    }

    /** A client finished its handshake; the status bar counts it. */
    public void clientConnected() {
        synchronized (lock) {
            clients++;
            paintStatus();
        }
    }

    /** A client that {@link #clientConnected() connected} left. */
    public void clientDisconnected(int client) {
        synchronized (lock) {
            clients = Math.max(0, clients - 1);
            strokeStarts.remove(client);
            paintStatus();
        }
    }

    private void paintClipboard() {
        String text = clipboardText == null ? "" : clipboardText;
        painter.clipboard(clipboardHeader,
                text.length() > MAX_CLIPBOARD_CHARS ? text.substring(0, MAX_CLIPBOARD_CHARS) : text);
    }

    private void paintStatus() {
        String key = lastKeysym < 0 ? "none" : String.format(Locale.ROOT, "0x%04x", lastKeysym);
        painter.status(String.format(Locale.ROOT, "pointer %d,%d  buttons %d  last key %s  locks %s  clients %d",
                pointerX, pointerY, pointerButtons, key, LockKeys.describe(locks), clients));
    }

    private void fireDamage(Rect area) {
        generation++;
        for (DesktopListener listener : listeners) {
            listener.damaged(area);
        }
    }
}
