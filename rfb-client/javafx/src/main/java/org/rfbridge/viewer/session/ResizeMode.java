// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the desktop meets the window, with the web viewer's names ({@code resize=off|scale|remote}, noVNC's): shown
 * pixel for pixel with scroll bars, scaled to fit, or the remote desktop resized to the window (shown pixel for
 * pixel, and scaled down only while the server has not taken the window's size).
 */
public enum ResizeMode {
    OFF("1:1 (scroll)"),
    SCALE("Scale to fit"),
    REMOTE("Resize the remote desktop");

    private final String label;

    ResizeMode(String label) {
        this.label = label;
    }

    /** The menu's words for it. */
    public String label() {
        return label;
    }

    /** The command line's and the URL's word for it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode named {@code word} (off, scale, remote; any case).
     *
     * @throws IllegalArgumentException for other words, naming the ones it takes
     */
    public static ResizeMode parse(String word) {
        for (ResizeMode mode : values()) {
            if (mode.word().equalsIgnoreCase(word.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("resize mode '" + word + "' is not one of "
                + Arrays.stream(values()).map(ResizeMode::word).collect(Collectors.joining(", ")));
    }
}
