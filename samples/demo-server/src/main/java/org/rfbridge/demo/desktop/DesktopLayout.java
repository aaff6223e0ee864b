// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import java.util.ArrayList;
import java.util.List;

/**
 * Where each part of the demo desktop sits for a given size. Pure geometry, immutable; the proportions
 * keep every panel usable from {@link DemoDesktop#MIN_WIDTH}×{@link DemoDesktop#MIN_HEIGHT} upwards.
 */
public final class DesktopLayout {

    /** The pure colours of the colour bars, left to right: exact in every pixel format. */
    public static final int[] BAR_COLOURS = {
        0x000000, 0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x00FFFF, 0xFF00FF, 0xFFFFFF,
    };

    private final int scale;
    private final int lineHeight;
    private final int charWidth;
    private final int margin;
    private final Rect titleBar;
    private final List<Rect> colourBars;
    private final Rect echoPanel;
    private final Rect clipboardPanel;
    private final Rect logPanel;
    private final Rect drawPanel;
    private final Rect statusBar;

    DesktopLayout(int width, int height, BitmapFont font) {
        scale = width >= 800 && height >= 600 ? 2 : 1;
        lineHeight = font.cellHeight() * scale;
        charWidth = font.cellWidth() * scale;
        margin = 4 * scale;
        titleBar = new Rect(0, 0, width, lineHeight + 2 * margin);
        colourBars = bars(width, titleBar.bottom(), 8 * scale);
        int contentTop = titleBar.bottom() + 8 * scale + margin;
        statusBar = new Rect(0, height - (lineHeight + 2 * margin), width, lineHeight + 2 * margin);
        int contentBottom = statusBar.y() - margin;
        int upperHeight = (contentBottom - contentTop) * 55 / 100;
        int columnWidth = (width - 3 * margin) / 2;
        echoPanel = new Rect(margin, contentTop, columnWidth, upperHeight * 60 / 100);
        clipboardPanel = new Rect(margin, echoPanel.bottom() + margin, columnWidth,
                contentTop + upperHeight - echoPanel.bottom() - margin);
        logPanel = new Rect(2 * margin + columnWidth, contentTop, width - 3 * margin - columnWidth, upperHeight);
        int drawTop = contentTop + upperHeight + margin;
        drawPanel = new Rect(margin, drawTop, width - 2 * margin, contentBottom - drawTop);
    }

    private static List<Rect> bars(int width, int top, int height) {
        List<Rect> bars = new ArrayList<>();
        int count = BAR_COLOURS.length;
        for (int i = 0; i < count; i++) {
            int left = width * i / count;
            int right = width * (i + 1) / count;
            bars.add(new Rect(left, top, right - left, height));
        }
        return List.copyOf(bars);
    }

    /** Size multiplier of the font and the margins: 2 from 800×600 on, else 1. */
    public int scale() {
        return scale;
    }

    public int lineHeight() {
        return lineHeight;
    }

    public int charWidth() {
        return charWidth;
    }

    public Rect titleBar() {
        return titleBar;
    }

    /** One rectangle per entry of {@link #BAR_COLOURS}. */
    public List<Rect> colourBars() {
        return colourBars;
    }

    public Rect echoPanel() {
        return echoPanel;
    }

    public Rect clipboardPanel() {
        return clipboardPanel;
    }

    public Rect logPanel() {
        return logPanel;
    }

    public Rect drawPanel() {
        return drawPanel;
    }

    public Rect statusBar() {
        return statusBar;
    }

    /** The area inside a panel below its label, where its content goes. */
    public Rect contentOf(Rect panel) {
        Rect inner = panel.inset(margin);
        int top = inner.y() + lineHeight;
        return new Rect(inner.x(), top, inner.width(), Math.max(0, inner.bottom() - top));
    }

    /** The log's text area: the panel content cut to whole lines, so a scroll moves exactly one line. */
    public Rect logText() {
        Rect content = contentOf(logPanel);
        return new Rect(content.x(), content.y(), content.width(), content.height() / lineHeight * lineHeight);
    }
}
