// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.List;
import java.util.Locale;

/**
 * What the user asked for about encodings: a preferred encoding (or the viewer's choice), a JPEG quality level
 * 0..9 (or the viewer's choice from the link, or none: lossless), a compression level 0..9 (or the viewer's
 * choice), TurboVNC's fine JPEG quality 1..100 and chroma subsampling where a server understands them, or, for
 * tests and tools, exactly the list to announce. Immutable.
 *
 * <p>Whatever is left to the viewer follows the measured link ({@code AdaptiveEncoding}).
 */
public record EncodingPreferences(Integer preferred, boolean alone, int quality, int compression,
        int fineQuality, Integer subsampling, List<Integer> exactly) {
    /** Quality or compression left to the viewer. */
    public static final int AUTO = -1;
    /** Quality "none": lossless only, no JPEG. */
    public static final int LOSSLESS = -2;

    public EncodingPreferences {
        if (quality != AUTO && quality != LOSSLESS && (quality < 0 || quality > 9)) {
            throw new IllegalArgumentException("quality " + quality + " is outside 0..9");
        }
        if (compression != AUTO && (compression < 0 || compression > 9)) {
            throw new IllegalArgumentException("compression " + compression + " is outside 0..9");
        }
        if (fineQuality != AUTO && (fineQuality < 1 || fineQuality > 100)) {
            throw new IllegalArgumentException("JPEG quality " + fineQuality + " is outside 1..100");
        }
        if (alone && preferred == null) {
            throw new IllegalArgumentException("an encoding alone needs the encoding");
        }
        exactly = exactly == null ? null : List.copyOf(exactly);
    }

    /** Everything left to the viewer. */
    public static EncodingPreferences auto() {
        return new EncodingPreferences(null, false, AUTO, AUTO, AUTO, null, null);
    }

    /** Announce exactly {@code encodings}, in that order, and never change them. */
    public static EncodingPreferences exactly(List<Integer> encodings) {
        return new EncodingPreferences(null, false, AUTO, AUTO, AUTO, null, encodings);
    }

    /** {@code encoding} first; the others stay announced for what it cannot carry. */
    public EncodingPreferences preferring(int encoding) {
        return new EncodingPreferences(encoding, false, quality, compression, fineQuality, subsampling, exactly);
    }

    /** The viewer's own order of encodings again. */
    public EncodingPreferences anyEncoding() {
        return new EncodingPreferences(null, false, quality, compression, fineQuality, subsampling, exactly);
    }

    /** {@code encoding} as the only pixel encoding (with the pseudo-encodings). */
    public EncodingPreferences only(int encoding) {
        return new EncodingPreferences(encoding, true, quality, compression, fineQuality, subsampling, exactly);
    }

    public EncodingPreferences withQuality(int level) {
        return new EncodingPreferences(preferred, alone, level, compression, fineQuality, subsampling, exactly);
    }

    public EncodingPreferences withCompression(int level) {
        return new EncodingPreferences(preferred, alone, quality, level, fineQuality, subsampling, exactly);
    }

    /** TurboVNC's fine JPEG quality 1..100, with {@code subsampling} one of Encodings.SUBSAMPLING_* or null. */
    public EncodingPreferences withJpeg(int jpegQuality, Integer chromaSubsampling) {
        return new EncodingPreferences(preferred, alone, quality, compression, jpegQuality, chromaSubsampling, exactly);
    }

    /**
     * Parses the user's words for a quality: {@code auto}, {@code lossless} (or {@code none}), or 0..9.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    public static int parseQuality(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("lossless") || t.equals("none")) {
            return LOSSLESS;
        }
        return parseLevel(t, "quality", "auto, lossless or 0..9");
    }

    /** Parses {@code auto} or 0..9. */
    public static int parseCompression(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return t.equals("auto") ? AUTO : parseLevel(t, "compression", "auto or 0..9");
    }

    /** Parses a subsampling name: {@code 1x} (none), {@code 2x} (4:2:2), {@code 4x} (4:2:0), {@code gray}. */
    public static int parseSubsampling(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1x", "444", "none" -> Encodings.SUBSAMPLING_1X;
            case "2x", "422" -> Encodings.SUBSAMPLING_2X;
            case "4x", "420" -> Encodings.SUBSAMPLING_4X;
            case "gray", "grey" -> Encodings.SUBSAMPLING_GRAY;
            default -> throw new IllegalArgumentException("unknown subsampling '" + text + "' (known: 1x, 2x, 4x, gray)");
        };
    }

    private static int parseLevel(String text, String what, String accepted) {
        try {
            int level = Integer.parseInt(text);
            if (level >= 0 && level <= 9) {
                return level;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new IllegalArgumentException(what + " '" + text + "' is not " + accepted);
    }
}
