// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.desktop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo desktop's own 5×9 bitmap font covering ASCII and Latin-1, so text renders the same on every
 * machine (no system fonts, no anti-aliasing).
 *
 * <p>Glyphs come from the resource {@code font-5x9.txt}; accented Latin-1 letters are composed from their
 * base letter and a two-row mark, using the JDK's Unicode decomposition to find which. A character without a
 * glyph is drawn as a box. Immutable after construction; share the {@link #standard()} instance.
 */
public final class BitmapFont {

    /** Ink columns per glyph. */
    static final int GLYPH_WIDTH = 5;
    /** Rows of a glyph as stored: seven of capital height and two of descender. */
    private static final int STORED_ROWS = 9;
    /** Blank rows above the capital height, where the marks of accented capitals go. */
    private static final int MARK_ROWS = 2;
    private static final int CELL_WIDTH = GLYPH_WIDTH + 1;
    private static final int CELL_HEIGHT = MARK_ROWS + STORED_ROWS + 1;
    private static final String RESOURCE = "font-5x9.txt";
    private static final char DOTLESS_I = '\u0131';

    private static final Map<Character, int[]> MARKS_ABOVE = Map.of(
            '\u0300', rows(".#...", "..#.."),
            '\u0301', rows("...#.", "..#.."),
            '\u0302', rows("..#..", ".#.#."),
            '\u0303', rows(".##.#", "#..#."),
            '\u0308', rows(".....", ".#.#."),
            '\u030A', rows(".###.", ".#.#."));
    private static final char CEDILLA = '\u0327';
    private static final int[] CEDILLA_ROWS = rows("..#..", ".##..");

    private static final BitmapFont STANDARD = load();

    private final Map<Character, int[]> glyphs;
    private final int[] missing;

    private BitmapFont(Map<Character, int[]> glyphs) {
        this.glyphs = glyphs;
        this.missing = new int[CELL_HEIGHT];
        int[] box = rows("#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####");
        System.arraycopy(box, 0, missing, MARK_ROWS, box.length);
    }

    /** The font bundled with the demo. */
    public static BitmapFont standard() {
        return STANDARD;
    }

    /** Horizontal advance of one character at scale 1. */
    public int cellWidth() {
        return CELL_WIDTH;
    }

    /** Line height at scale 1, including the mark rows above capitals and the descender. */
    public int cellHeight() {
        return CELL_HEIGHT;
    }

    /** True when {@code c} has its own or a composed glyph (not the box). */
    public boolean canDisplay(char c) {
        return glyphs.containsKey(c) || compose(c) != null;
    }

    /**
     * The rows of the cell for {@code c}, top first; bit {@code GLYPH_WIDTH-1} is the leftmost column.
     * The returned array must not be modified.
     */
    int[] glyph(char c) {
        int[] rows = glyphs.get(c);
        if (rows != null) {
            return rows;
        }
        rows = compose(c);
        return rows != null ? rows : missing;
    }

    private int[] compose(char c) {
        String parts = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        if (parts.length() != 2) {
            return null;
        }
        char base = parts.charAt(0);
        char mark = parts.charAt(1);
        if (base == 'i' && MARKS_ABOVE.containsKey(mark)) {
            base = DOTLESS_I;
        }
        int[] baseRows = glyphs.get(base);
        if (baseRows == null) {
            return null;
        }
        int[] out = baseRows.clone();
        if (mark == CEDILLA) {
            int below = MARK_ROWS + 7;
            out[below] |= CEDILLA_ROWS[0];
            out[below + 1] |= CEDILLA_ROWS[1];
            return out;
        }
        int[] markRows = MARKS_ABOVE.get(mark);
        if (markRows == null) {
            return null;
        }
        int top = 0;
        while (top < out.length && out[top] == 0) {
            top++;
        }
        int first = Math.max(0, top - markRows.length);
        for (int i = 0; i < markRows.length; i++) {
            out[first + i] |= markRows[i];
        }
        return out;
    }

    private static BitmapFont load() {
        try (InputStream in = BitmapFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font resource " + RESOURCE + " is missing from the classpath");
            }
            return new BitmapFont(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font resource " + RESOURCE, e);
        }
    }

    private static Map<Character, int[]> parse(BufferedReader reader) throws IOException {
        Map<Character, int[]> glyphs = new HashMap<>();
        int[] current = null;
        int row = 0;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("U+")) {
                String hex = line.substring(2).split(" ", 2)[0];
                char c = (char) Integer.parseInt(hex, 16);
                current = new int[CELL_HEIGHT];
                row = 0;
                if (glyphs.put(c, current) != null) {
                    throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": glyph U+" + hex + " defined twice");
                }
                continue;
            }
            if (current == null || row >= STORED_ROWS || line.length() != GLYPH_WIDTH) {
                throw new IllegalStateException(RESOURCE + ":" + lineNumber + ": unexpected line '" + line + "'");
            }
            current[MARK_ROWS + row] = rows(line)[0];
            row++;
        }
        return glyphs;
    }

    private static int[] rows(String... patterns) {
        int[] out = new int[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            int bits = 0;
            for (int col = 0; col < GLYPH_WIDTH; col++) {
                char cell = patterns[i].charAt(col);
                if (cell != '#' && cell != '.') {
                    throw new IllegalStateException("bad glyph row '" + patterns[i] + "'");
                }
                bits = (bits << 1) | (cell == '#' ? 1 : 0);
            }
            out[i] = bits;
        }
        return out;
    }
}
