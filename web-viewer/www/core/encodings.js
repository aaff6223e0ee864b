// SPDX-License-Identifier: Apache-2.0

/**
 * RFB encoding numbers (RFC 6143 section 7.7 and the IANA registry), in one table so logs and
 * errors can name them. Negative numbers are pseudo-encodings: they carry state, not pixels.
 */
export const Encoding = Object.freeze({
    RAW: 0,
    COPY_RECT: 1,
    RRE: 2,
    CORRE: 4,
    HEXTILE: 5,
    ZLIB: 6,
    TIGHT: 7,
    ZLIBHEX: 8,
    ZRLE: 16,
    ZYWRLE: 17,
    TIGHT_PNG: -260,

    DESKTOP_SIZE: -223,
    LAST_RECT: -224,
    POINTER_POS: -232,
    CURSOR: -239,
    X_CURSOR: -240,
    QEMU_POINTER_MOTION_CHANGE: -257,
    QEMU_EXTENDED_KEY_EVENT: -258,
    QEMU_AUDIO: -259,
    QEMU_LED_STATE: -261,
    DESKTOP_NAME: -307,
    EXTENDED_DESKTOP_SIZE: -308,
    XVP: -309,
    FENCE: -312,
    CONTINUOUS_UPDATES: -313,
    CURSOR_WITH_ALPHA: -314,
    EXTENDED_MOUSE_BUTTONS: -316,
    VMWARE_CURSOR: 0x574d5664,
    EXTENDED_CLIPBOARD: 0xc0a1e5ce | 0,
    // JPEG chroma subsampling (TurboVNC's; TigerVNC's servers too), sent with a fine quality level.
    SUBSAMPLING_1X: -768,
    SUBSAMPLING_4X: -767,
    SUBSAMPLING_2X: -766,
    SUBSAMPLING_GRAY: -765,
    SUBSAMPLING_8X: -764,
    SUBSAMPLING_16X: -763,
});

/** Compression levels 0..9 are -256..-247, JPEG quality levels 0..9 -32..-23, fine JPEG qualities 0..100 -512..-412. */
export const COMPRESS_LEVEL_0 = -256;
export const QUALITY_LEVEL_0 = -32;
export const FINE_QUALITY_LEVEL_0 = -512;

const NAMES = new Map([
    [Encoding.RAW, 'Raw'],
    [Encoding.COPY_RECT, 'CopyRect'],
    [Encoding.RRE, 'RRE'],
    [Encoding.CORRE, 'CoRRE'],
    [Encoding.HEXTILE, 'Hextile'],
    [Encoding.ZLIB, 'Zlib'],
    [Encoding.TIGHT, 'Tight'],
    [Encoding.ZLIBHEX, 'ZlibHex'],
    [Encoding.ZRLE, 'ZRLE'],
    [Encoding.ZYWRLE, 'ZYWRLE'],
    [Encoding.TIGHT_PNG, 'TightPNG'],
    [Encoding.DESKTOP_SIZE, 'DesktopSize'],
    [Encoding.LAST_RECT, 'LastRect'],
    [Encoding.POINTER_POS, 'PointerPos'],
    [Encoding.CURSOR, 'Cursor'],
    [Encoding.X_CURSOR, 'XCursor'],
    [Encoding.QEMU_POINTER_MOTION_CHANGE, 'QEMUPointerMotionChange'],
    [Encoding.QEMU_EXTENDED_KEY_EVENT, 'QEMUExtendedKeyEvent'],
    [Encoding.QEMU_AUDIO, 'QEMUAudio'],
    [Encoding.QEMU_LED_STATE, 'QEMULEDState'],
    [Encoding.DESKTOP_NAME, 'DesktopName'],
    [Encoding.EXTENDED_DESKTOP_SIZE, 'ExtendedDesktopSize'],
    [Encoding.XVP, 'xvp'],
    [Encoding.FENCE, 'Fence'],
    [Encoding.CONTINUOUS_UPDATES, 'ContinuousUpdates'],
    [Encoding.CURSOR_WITH_ALPHA, 'CursorWithAlpha'],
    [Encoding.EXTENDED_MOUSE_BUTTONS, 'ExtendedMouseButtons'],
    [Encoding.VMWARE_CURSOR, 'VMwareCursor'],
    [Encoding.EXTENDED_CLIPBOARD, 'ExtendedClipboard'],
    [Encoding.SUBSAMPLING_1X, 'Subsampling1X'],
    [Encoding.SUBSAMPLING_4X, 'Subsampling4X'],
    [Encoding.SUBSAMPLING_2X, 'Subsampling2X'],
    [Encoding.SUBSAMPLING_GRAY, 'SubsamplingGray'],
    [Encoding.SUBSAMPLING_8X, 'Subsampling8X'],
    [Encoding.SUBSAMPLING_16X, 'Subsampling16X'],
]);

/**
 * The encoding's name, as the Java core's Encodings.name: "CopyRect", "CompressLevel6",
 * "QualityLevel9", or "unknown".
 */
export function encodingName(encoding) {
    const name = NAMES.get(encoding);
    if (name !== undefined) {
        return name;
    }
    if (encoding >= -256 && encoding <= -247) {
        return `CompressLevel${encoding + 256}`;
    }
    if (encoding >= -32 && encoding <= -23) {
        return `QualityLevel${encoding + 32}`;
    }
    if (encoding >= FINE_QUALITY_LEVEL_0 && encoding <= FINE_QUALITY_LEVEL_0 + 100) {
        return `FineQualityLevel${encoding - FINE_QUALITY_LEVEL_0}`;
    }
    return 'unknown';
}

/** Whether rectangles of `encoding` carry pixels (pseudo-encodings are negative, but for TightPNG). */
export function isPixelEncoding(encoding) {
    return encoding >= 0 || encoding === Encoding.TIGHT_PNG;
}

/** The pixel encodings a user can name, in the order of pixelEncoding's message. */
const PIXEL_ENCODINGS = Object.freeze([Encoding.TIGHT, Encoding.ZRLE, Encoding.HEXTILE, Encoding.ZLIB, Encoding.RRE,
    Encoding.RAW, Encoding.COPY_RECT, Encoding.TIGHT_PNG]);

/**
 * The pixel encoding named `name`, in any case ("tight", "ZRLE", "copyrect"), as the Java core's
 * Encodings.pixelEncoding.
 * @throws {RangeError} naming the encodings there are
 */
export function pixelEncoding(name) {
    const wanted = String(name).trim().toLowerCase();
    const found = PIXEL_ENCODINGS.find((encoding) => encodingName(encoding).toLowerCase() === wanted);
    if (found === undefined) {
        const known = PIXEL_ENCODINGS.map((encoding) => encodingName(encoding).toLowerCase()).join(', ');
        throw new RangeError(`unknown encoding '${name}' (known: ${known})`);
    }
    return found;
}

/** For logs and errors, as the Java core's Encodings.describe: "CopyRect (1)", "unknown (30583, 0x7777)". */
export function describeEncoding(encoding) {
    const name = encodingName(encoding);
    return name === 'unknown'
        ? `unknown (${encoding}, 0x${(encoding >>> 0).toString(16)})`
        : `${name} (${encoding})`;
}
