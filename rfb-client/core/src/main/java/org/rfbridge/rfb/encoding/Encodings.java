// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.Map;

/**
 * Encoding and pseudo-encoding numbers (RFC 6143 section 7.7 and the IANA registry), with names for logs and
 * error messages. Numbers are signed 32-bit on the wire.
 */
public final class Encodings {
    public static final int RAW = 0;
    public static final int COPY_RECT = 1;
    public static final int RRE = 2;
    public static final int CORRE = 4;
    public static final int HEXTILE = 5;
    public static final int ZLIB = 6;
    public static final int TIGHT = 7;
    public static final int ZLIBHEX = 8;
    public static final int ZRLE = 16;
    public static final int ZYWRLE = 17;
    public static final int TIGHT_PNG = -260;

    public static final int DESKTOP_SIZE = -223;
    public static final int LAST_RECT = -224;
    public static final int POINTER_POS = -232;
    public static final int CURSOR = -239;
    public static final int X_CURSOR = -240;
    public static final int QEMU_POINTER_MOTION_CHANGE = -257;
    public static final int QEMU_EXTENDED_KEY_EVENT = -258;
    public static final int QEMU_AUDIO = -259;
    public static final int QEMU_LED_STATE = -261;
    public static final int DESKTOP_NAME = -307;
    public static final int EXTENDED_DESKTOP_SIZE = -308;
    public static final int XVP = -309;
    public static final int FENCE = -312;
    public static final int CONTINUOUS_UPDATES = -313;
    public static final int CURSOR_WITH_ALPHA = -314;
    public static final int EXTENDED_MOUSE_BUTTONS = -316;
    public static final int VMWARE_CURSOR = 0x574D5664;
    public static final int EXTENDED_CLIPBOARD = 0xC0A1E5CE;

    /** Compression levels 0..9 are the pseudo-encodings -256..-247. */
    public static final int COMPRESS_LEVEL_0 = -256;
    /** JPEG quality levels 0..9 are the pseudo-encodings -32..-23. */
    public static final int QUALITY_LEVEL_0 = -32;
    /** JPEG qualities 0..100 (TurboVNC's, which TigerVNC's servers understand too) are -512..-412. */
    public static final int FINE_QUALITY_LEVEL_0 = -512;
    /** JPEG chroma subsampling, with the fine quality: none (4:4:4). */
    public static final int SUBSAMPLING_1X = -768;
    /** 4:2:0. */
    public static final int SUBSAMPLING_4X = -767;
    /** 4:2:2. */
    public static final int SUBSAMPLING_2X = -766;
    /** Greyscale. */
    public static final int SUBSAMPLING_GRAY = -765;
    public static final int SUBSAMPLING_8X = -764;
    public static final int SUBSAMPLING_16X = -763;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(RAW, "Raw"),
            Map.entry(COPY_RECT, "CopyRect"),
            Map.entry(RRE, "RRE"),
            Map.entry(CORRE, "CoRRE"),
            Map.entry(HEXTILE, "Hextile"),
            Map.entry(ZLIB, "Zlib"),
            Map.entry(TIGHT, "Tight"),
            Map.entry(ZLIBHEX, "ZlibHex"),
            Map.entry(ZRLE, "ZRLE"),
            Map.entry(ZYWRLE, "ZYWRLE"),
            Map.entry(TIGHT_PNG, "TightPNG"),
            Map.entry(DESKTOP_SIZE, "DesktopSize"),
            Map.entry(LAST_RECT, "LastRect"),
            Map.entry(POINTER_POS, "PointerPos"),
            Map.entry(CURSOR, "Cursor"),
            Map.entry(X_CURSOR, "XCursor"),
            Map.entry(QEMU_POINTER_MOTION_CHANGE, "QEMUPointerMotionChange"),
            Map.entry(QEMU_EXTENDED_KEY_EVENT, "QEMUExtendedKeyEvent"),
            Map.entry(QEMU_AUDIO, "QEMUAudio"),
            Map.entry(QEMU_LED_STATE, "QEMULEDState"),
            Map.entry(DESKTOP_NAME, "DesktopName"),
            Map.entry(EXTENDED_DESKTOP_SIZE, "ExtendedDesktopSize"),
            Map.entry(XVP, "xvp"),
            Map.entry(FENCE, "Fence"),
            Map.entry(CONTINUOUS_UPDATES, "ContinuousUpdates"),
            Map.entry(CURSOR_WITH_ALPHA, "CursorWithAlpha"),
            Map.entry(EXTENDED_MOUSE_BUTTONS, "ExtendedMouseButtons"),
            Map.entry(VMWARE_CURSOR, "VMwareCursor"),
            Map.entry(EXTENDED_CLIPBOARD, "ExtendedClipboard"));

    private Encodings() {
    }

    /** The encoding's name, for example {@code "CopyRect"}, {@code "CompressLevel6"}, or {@code "unknown"}. */
    public static String name(int encoding) {
        String name = NAMES.get(encoding);
        if (name != null) {
            return name;
        }
        if (encoding >= COMPRESS_LEVEL_0 && encoding <= COMPRESS_LEVEL_0 + 9) {
            return "CompressLevel" + (encoding - COMPRESS_LEVEL_0);
        }
        if (encoding >= QUALITY_LEVEL_0 && encoding <= QUALITY_LEVEL_0 + 9) {
            return "QualityLevel" + (encoding - QUALITY_LEVEL_0);
        }
        if (encoding >= FINE_QUALITY_LEVEL_0 && encoding <= FINE_QUALITY_LEVEL_0 + 100) {
            return "FineQualityLevel" + (encoding - FINE_QUALITY_LEVEL_0);
        }
        if (encoding >= SUBSAMPLING_1X && encoding <= SUBSAMPLING_16X) {
            return "Subsampling" + SUBSAMPLING_NAMES[encoding - SUBSAMPLING_1X];
        }
        return "unknown";
    }

    private static final String[] SUBSAMPLING_NAMES = {"1X", "4X", "2X", "Gray", "8X", "16X"};

    /**
     * The pixel encoding named {@code name} (any case: {@code "tight"}, {@code "ZRLE"}, {@code "copyrect"}).
     *
     * @throws IllegalArgumentException naming the encodings there are
     */
    public static int pixelEncoding(String name) {
        for (int encoding : PIXEL_ENCODINGS) {
            if (name(encoding).equalsIgnoreCase(name.trim())) {
                return encoding;
            }
        }
        StringBuilder known = new StringBuilder();
        for (int encoding : PIXEL_ENCODINGS) {
            known.append(known.length() == 0 ? "" : ", ").append(name(encoding).toLowerCase(java.util.Locale.ROOT));
        }
        throw new IllegalArgumentException("unknown encoding '" + name + "' (known: " + known + ")");
    }

    /** Whether rectangles of {@code encoding} carry pixels (pseudo-encodings are negative, but for TightPNG). */
    public static boolean isPixelEncoding(int encoding) {
        return encoding >= 0 || encoding == TIGHT_PNG;
    }

    /** The pixel encodings a user can name, in the order of {@link #pixelEncoding}'s message. */
    private static final int[] PIXEL_ENCODINGS = {TIGHT, ZRLE, HEXTILE, ZLIB, RRE, RAW, COPY_RECT, TIGHT_PNG};

    /** For example {@code "CopyRect (1)"} or {@code "unknown (0x12345678)"}. */
    public static String describe(int encoding) {
        String name = name(encoding);
        return "unknown".equals(name)
                ? "unknown (" + encoding + ", 0x" + Integer.toHexString(encoding) + ")"
                : name + " (" + encoding + ")";
    }
}
