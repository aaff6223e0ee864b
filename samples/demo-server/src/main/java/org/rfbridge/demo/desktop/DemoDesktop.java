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
 * echoing typed keys, a clipboard panel, a scrolling log, a drawing area and a status bar with the pointer.
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
    /** How much of a client's clipboard the panel keeps; the rest is not shown. */
    static final int MAX_CLIPBOARD_CHARS = 4000;
    private static final int BRUSH = 3;

    private static final int BACKGROUND = 0x1E2A38;
    private static final int PANEL = 0x0F1720;
    private static final int BORDER = 0x4A6078;
    private static final int LABEL = 0x8FB3D9;
    private static final int TITLE_BACKGROUND = 0x2D5A88;
    private static final int TITLE_TEXT = 0xFFFFFF;
    private static final int CLOCK_TEXT = 0xFFE08A;
    private static final int ECHO_TEXT = 0xE6EDF3;
    private static final int CURSOR = 0xFFE08A;
    private static final int CLIPBOARD_TEXT = 0xF2C6FF;
    private static final int LOG_TEXT = 0xA8E6A1;
    private static final int DRAW_BACKGROUND = 0xF5F5F0;
    private static final int INK = 0x1F4FBF;
    private static final int STATUS_BACKGROUND = 0x16202B;
    private static final int STATUS_TEXT = 0xC8D3DE;

    private static final DateTimeFormatter CLOCK_FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    /** Keysym of F2, which resizes the desktop to the next of {@link #resizeCycle()}. */
    public static final int RESIZE_KEYSYM = Keysyms.F2;

    private final Object lock = new Object();
    private final String name;
    private final Clock clock;
    private final BitmapFont font = BitmapFont.standard();
    private final int startWidth;
    private final int startHeight;
    private final List<DesktopListener> listeners = new CopyOnWriteArrayList<>();

    // All below guarded by lock.
    private int width;
    private int height;
    private DesktopLayout layout;
    private int[] pixels;
    private Canvas canvas;
    private long generation;
    private final StringBuilder echo = new StringBuilder();
    private final Map<Integer, int[]> strokeStarts = new HashMap<>();
    private final Deque<String> recentLog = new ArrayDeque<>();
    private String clipboardHeader = "nothing received yet";
    private String clipboardText = "";
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
        this.name = name;
        this.clock = clock;
        this.startWidth = width;
        this.startHeight = height;
        synchronized (lock) {
            setSize(width, height);
        }
    }

    private static void checkSize(int width, int height) {
        if (width < MIN_WIDTH || width > MAX_WIDTH || height < MIN_HEIGHT || height > MAX_HEIGHT) {
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
        strokeStarts.clear();
        paintAll();
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
        return name;
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
     * @param factory called under the desktop's lock with the current bounds; must be quick
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
     * kept, the drawing is cleared). Listeners get {@link DesktopListener#resized}.
     *
     * @throws IllegalArgumentException for a size outside the limits
     */
    public void resize(int newWidth, int newHeight) {
        checkSize(newWidth, newHeight);
        synchronized (lock) {
            setSize(newWidth, newHeight);
            generation++;
            for (DesktopListener listener : listeners) {
                listener.resized(newWidth, newHeight);
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
                repaint(clipped, () -> canvas.fill(clipped, rgb & 0xFFFFFF));
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
            paintTitle();
        }
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
            Rect last = new Rect(text.x(), text.bottom() - lineHeight, text.width(), lineHeight);
            repaint(last, () -> {
                canvas.fill(last, PANEL);
                canvas.text(font, layout.scale(), last.x(), last.y(), line, LOG_TEXT, last);
            });
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
     * echo panel; BackSpace deletes, Return starts a new line; everything else only shows in the status bar.
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
            lastKeysym = keysym;
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
                paintEcho();
            }
            paintStatus();
        }
    }

    /**
     * The pointer of client {@code client} moved or its buttons changed. While button 1 is down it draws in
     * the drawing area; button 3 clears the area. Coordinates outside the desktop are clamped.
     */
    public void pointerEvent(int client, int buttonMask, int x, int y) {
        synchronized (lock) {
            int px = Math.max(0, Math.min(width - 1, x));
            int py = Math.max(0, Math.min(height - 1, y));
            Rect surface = layout.contentOf(layout.drawPanel());
            boolean rightPressed = (buttonMask & 4) != 0 && (pointerButtons & 4) == 0;
            if (rightPressed && surface.contains(px, py)) {
                repaint(surface, () -> canvas.fill(surface, DRAW_BACKGROUND));
            }
            if ((buttonMask & 1) != 0) {
                int[] from = strokeStarts.getOrDefault(client, new int[] {px, py});
                if (surface.contains(px, py) || surface.contains(from[0], from[1])) {
                    Rect touched = canvas.line(from[0], from[1], px, py, BRUSH, INK, surface);
                    if (!touched.isEmpty()) {
                        fireDamage(touched);
                    }
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

    /** Client {@code client} put {@code text} on its clipboard; the clipboard panel shows its start. */
    public void clipboard(int client, String text) {
        synchronized (lock) {
            clipboardHeader = "client #" + client + " sent " + text.length() + " characters:";
            clipboardText = text.length() > MAX_CLIPBOARD_CHARS ? text.substring(0, MAX_CLIPBOARD_CHARS) : text;
            paintClipboard();
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

    private void paintAll() {
        canvas.fill(canvas.bounds(), BACKGROUND);
        List<Rect> bars = layout.colourBars();
        for (int i = 0; i < bars.size(); i++) {
            canvas.fill(bars.get(i), DesktopLayout.BAR_COLOURS[i]);
        }
        paintPanel(layout.echoPanel(), "Type here (keys echo below)", PANEL);
        paintPanel(layout.clipboardPanel(), "Clipboard from a client", PANEL);
        paintPanel(layout.logPanel(), "Log (scrolls by CopyRect)", PANEL);
        paintPanel(layout.drawPanel(), "Draw: hold the left button; right button clears", DRAW_BACKGROUND);
        paintTitle();
        paintEcho();
        paintClipboard();
        paintRecentLog();
        paintStatus();
    }

    /** After a resize: the newest lines that fit, so the log does not start empty. */
    private void paintRecentLog() {
        Rect text = layout.logText();
        int rows = text.height() / layout.lineHeight();
        List<String> lines = new ArrayList<>(recentLog);
        List<String> visible = lines.subList(Math.max(0, lines.size() - rows), lines.size());
        int top = text.bottom() - visible.size() * layout.lineHeight();
        for (int i = 0; i < visible.size(); i++) {
            canvas.text(font, layout.scale(), text.x(), top + i * layout.lineHeight(), visible.get(i), LOG_TEXT, text);
        }
    }

    private void paintPanel(Rect panel, String label, int background) {
        canvas.fill(panel, PANEL);
        canvas.outline(panel, BORDER);
        Rect content = layout.contentOf(panel);
        Rect labelArea = new Rect(content.x(), content.y() - layout.lineHeight(), content.width(), layout.lineHeight());
        canvas.text(font, layout.scale(), labelArea.x(), labelArea.y(), label, LABEL, labelArea);
        canvas.fill(content, background);
    }

    private void paintTitle() {
        Rect bar = layout.titleBar();
        repaint(bar, () -> {
            int margin = (bar.height() - layout.lineHeight()) / 2;
            canvas.fill(bar, TITLE_BACKGROUND);
            canvas.text(font, layout.scale(), bar.x() + margin, bar.y() + margin, name, TITLE_TEXT, bar);
            String time = ZonedDateTime.now(clock).format(CLOCK_FORMAT);
            int x = bar.right() - margin - time.length() * layout.charWidth();
            canvas.text(font, layout.scale(), x, bar.y() + margin, time, CLOCK_TEXT, bar);
        });
    }

    private void paintEcho() {
        Rect area = layout.contentOf(layout.echoPanel());
        int columns = Math.max(1, area.width() / layout.charWidth());
        int rows = Math.max(1, area.height() / layout.lineHeight());
        List<String> lines = wrap(echo.toString() + '\u0000', columns);
        List<String> visible = lines.subList(Math.max(0, lines.size() - rows), lines.size());
        repaint(area, () -> {
            canvas.fill(area, PANEL);
            for (int i = 0; i < visible.size(); i++) {
                String line = visible.get(i);
                int y = area.y() + i * layout.lineHeight();
                int cursor = line.indexOf('\u0000');
                String text = cursor >= 0 ? line.substring(0, cursor) : line;
                int end = canvas.text(font, layout.scale(), area.x(), y, text, ECHO_TEXT, area);
                if (cursor >= 0) {
                    Rect block = new Rect(end, y + layout.lineHeight() - 3 * layout.scale(), layout.charWidth() - layout.scale(), 2 * layout.scale());
                    canvas.fillClipped(block, area, CURSOR);
                }
            }
        });
    }

    private void paintClipboard() {
        Rect area = layout.contentOf(layout.clipboardPanel());
        int columns = Math.max(1, area.width() / layout.charWidth());
        int rows = Math.max(1, area.height() / layout.lineHeight());
        List<String> lines = new ArrayList<>();
        lines.add(clipboardHeader);
        lines.addAll(wrap(printable(clipboardText), columns));
        repaint(area, () -> {
            canvas.fill(area, PANEL);
            for (int i = 0; i < Math.min(rows, lines.size()); i++) {
                int colour = i == 0 ? LABEL : CLIPBOARD_TEXT;
                canvas.text(font, layout.scale(), area.x(), area.y() + i * layout.lineHeight(), lines.get(i), colour, area);
            }
        });
    }

    private void paintStatus() {
        Rect bar = layout.statusBar();
        String key = lastKeysym < 0 ? "none" : String.format(Locale.ROOT, "0x%04x", lastKeysym);
        String text = String.format(Locale.ROOT, "pointer %d,%d  buttons %d  last key %s  clients %d",
                pointerX, pointerY, pointerButtons, key, clients);
        repaint(bar, () -> {
            int margin = (bar.height() - layout.lineHeight()) / 2;
            canvas.fill(bar, STATUS_BACKGROUND);
            canvas.text(font, layout.scale(), bar.x() + margin, bar.y() + margin, text, STATUS_TEXT, bar);
        });
    }

    /** Paints with {@code painter} and reports only the part of {@code area} that really changed. */
    private void repaint(Rect area, Runnable painter) {
        int[] before = canvas.read(area);
        painter.run();
        Rect changed = canvas.changedSince(area, before);
        if (!changed.isEmpty()) {
            fireDamage(changed);
        }
    }

    private void fireDamage(Rect area) {
        generation++;
        for (DesktopListener listener : listeners) {
            listener.damaged(area);
        }
    }

    /** Splits at newlines and wraps long lines at {@code columns} characters. */
    private static List<String> wrap(String text, int columns) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.isEmpty()) {
                lines.add("");
                continue;
            }
            for (int start = 0; start < paragraph.length(); start += columns) {
                lines.add(paragraph.substring(start, Math.min(paragraph.length(), start + columns)));
            }
        }
        return lines;
    }

    /** Control characters other than newline would draw as boxes; show them as spaces. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == '\n' || !Character.isISOControl(c) ? c : ' ');
        }
        return out.toString();
    }
}
