// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Paints the demo desktop's panels for one size and reports the part of each paint that really changed.
 * {@link DemoDesktop} owns the state it shows and makes one painter per size; it calls the painter only
 * with its lock held.
 */
final class DesktopPainter {

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
    private static final int BRUSH = 3;

    private final Canvas canvas;
    private final DesktopLayout layout;
    private final BitmapFont font;
    private final Consumer<Rect> damage;

    /** @param damage told of every area whose pixels changed, as soon as they did */
    DesktopPainter(Canvas canvas, DesktopLayout layout, BitmapFont font, Consumer<Rect> damage) {
        this.canvas = canvas;
        this.layout = layout;
        this.font = font;
        this.damage = damage;
    }

    /** The empty panels with their labels, over the whole canvas; the caller paints their contents next. */
    void frame() {
        canvas.fill(canvas.bounds(), BACKGROUND);
        List<Rect> bars = layout.colourBars();
        for (int i = 0; i < bars.size(); i++) {
            canvas.fill(bars.get(i), DesktopLayout.BAR_COLOURS[i]);
        }
        panel(layout.echoPanel(), "Type here (keys echo below)", PANEL);
        panel(layout.clipboardPanel(), "Shared clipboard (F3: the desktop offers text)", PANEL);
        panel(layout.logPanel(), "Log (scrolls by CopyRect)", PANEL);
        panel(layout.drawPanel(), "Draw: hold the left button; right button clears", DRAW_BACKGROUND);
    }

    /** After a resize: the newest lines that fit, so the log does not start empty. */
    void recentLog(List<String> lines) {
        Rect text = layout.logText();
        int rows = text.height() / layout.lineHeight();
        List<String> visible = lines.subList(Math.max(0, lines.size() - rows), lines.size());
        int top = text.bottom() - visible.size() * layout.lineHeight();
        for (int i = 0; i < visible.size(); i++) {
            canvas.text(font, layout.scale(), text.x(), top + i * layout.lineHeight(), visible.get(i), LOG_TEXT, text);
        }
    }

    /** The log's bottom line, after the caller scrolled the others up. */
    void logLine(String line) {
        Rect text = layout.logText();
        Rect last = new Rect(text.x(), text.bottom() - layout.lineHeight(), text.width(), layout.lineHeight());
        repaint(last, () -> {
            canvas.fill(last, PANEL);
            canvas.text(font, layout.scale(), last.x(), last.y(), line, LOG_TEXT, last);
        });
    }

    private void panel(Rect panel, String label, int background) {
        canvas.fill(panel, PANEL);
        canvas.outline(panel, BORDER);
        Rect content = layout.contentOf(panel);
        Rect labelArea = new Rect(content.x(), content.y() - layout.lineHeight(), content.width(), layout.lineHeight());
        canvas.text(font, layout.scale(), labelArea.x(), labelArea.y(), label, LABEL, labelArea);
        canvas.fill(content, background);
    }

    void title(String name, String time) {
        Rect bar = layout.titleBar();
        repaint(bar, () -> {
            int margin = (bar.height() - layout.lineHeight()) / 2;
            canvas.fill(bar, TITLE_BACKGROUND);
            canvas.text(font, layout.scale(), bar.x() + margin, bar.y() + margin, name, TITLE_TEXT, bar);
            int x = bar.right() - margin - time.length() * layout.charWidth();
            canvas.text(font, layout.scale(), x, bar.y() + margin, time, CLOCK_TEXT, bar);
        });
    }

    /** The typed text, its last lines if it does not fit, with a block cursor after it. */
    void echo(String typed) {
        Rect area = layout.contentOf(layout.echoPanel());
        int columns = Math.max(1, area.width() / layout.charWidth());
        int rows = Math.max(1, area.height() / layout.lineHeight());
        List<String> lines = wrap(typed + '\u0000', columns);
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
                    Rect block = new Rect(end, y + layout.lineHeight() - 3 * layout.scale(),
                            layout.charWidth() - layout.scale(), 2 * layout.scale());
                    canvas.fillClipped(block, area, CURSOR);
                }
            }
        });
    }

    void clipboard(String header, String text) {
        Rect area = layout.contentOf(layout.clipboardPanel());
        int columns = Math.max(1, area.width() / layout.charWidth());
        int rows = Math.max(1, area.height() / layout.lineHeight());
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(wrap(printable(text), columns));
        repaint(area, () -> {
            canvas.fill(area, PANEL);
            for (int i = 0; i < Math.min(rows, lines.size()); i++) {
                int colour = i == 0 ? LABEL : CLIPBOARD_TEXT;
                canvas.text(font, layout.scale(), area.x(), area.y() + i * layout.lineHeight(), lines.get(i), colour, area);
            }
        });
    }

    void status(String text) {
        Rect bar = layout.statusBar();
        repaint(bar, () -> {
            int margin = (bar.height() - layout.lineHeight()) / 2;
            canvas.fill(bar, STATUS_BACKGROUND);
            canvas.text(font, layout.scale(), bar.x() + margin, bar.y() + margin, text, STATUS_TEXT, bar);
        });
    }

    void fill(Rect clipped, int rgb) {
        repaint(clipped, () -> canvas.fill(clipped, rgb));
    }

    void clearDrawing() {
        Rect surface = layout.contentOf(layout.drawPanel());
        repaint(surface, () -> canvas.fill(surface, DRAW_BACKGROUND));
    }

    /** A stroke of the pen in the drawing area, clipped to it. */
    void stroke(int x0, int y0, int x1, int y1) {
        Rect touched = canvas.line(x0, y0, x1, y1, BRUSH, INK, layout.contentOf(layout.drawPanel()));
        if (!touched.isEmpty()) {
            damage.accept(touched);
        }
    }

    /** Paints with {@code painter} and reports only the part of {@code area} that really changed. */
    private void repaint(Rect area, Runnable painter) {
        int[] before = canvas.read(area);
        painter.run();
        Rect changed = canvas.changedSince(area, before);
        if (!changed.isEmpty()) {
            damage.accept(changed);
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
