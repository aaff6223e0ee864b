// SPDX-License-Identifier: Apache-2.0

/*
 * What the client is expected to send, written out by hand from RFC 6143 (not produced by the
 * code under test).
 */

export function ascii(text) {
    return Array.from(text, (ch) => ch.charCodeAt(0));
}

export const SET_PIXEL_FORMAT_RGBX32 = [0, 0, 0, 0, 32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 0, 8, 16, 0, 0, 0];

/**
 * What a session announces by default: Tight, CopyRect, ZRLE, Hextile, Zlib, RRE, Raw, TightPNG,
 * QualityLevel6, CompressLevel2, CursorWithAlpha, Cursor, XCursor, DesktopSize, LastRect,
 * ExtendedDesktopSize, Fence, ContinuousUpdates, ExtendedClipboard, QEMUExtendedKeyEvent, QEMULEDState,
 * DesktopName, XVP.
 */
export const SET_ENCODINGS = [2, 0, 0, 25, 0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0, 0x10, 0, 0, 0, 5, 0, 0, 0, 6,
    0, 0, 0, 2, 0, 0, 0, 0, 0xff, 0xff, 0xfe, 0xfc, 0xff, 0xff, 0xff, 0xe6, 0xff, 0xff, 0xfe, 0x50,
    0xff, 0xff, 0xfd, 0x02, 0xff, 0xff, 0xff, 0x02,
    0xff, 0xff, 0xfe, 0xc6, 0xff, 0xff, 0xff, 0x11, 0xff, 0xff, 0xff, 0x10, 0xff, 0xff, 0xff, 0x21,
    0xff, 0xff, 0xff, 0x20, 0xff, 0xff, 0xfe, 0xcc, 0xff, 0xff, 0xfe, 0xc8, 0xff, 0xff, 0xfe, 0xc7,
    0xc0, 0xa1, 0xe5, 0xce, 0xff, 0xff, 0xfe, 0xfe, 0xff, 0xff, 0xfe, 0xfb, 0xff, 0xff, 0xfe, 0xcd,
    0xff, 0xff, 0xfe, 0xcb];

/** SetEncodings (RFC 6143 section 7.5.2) of `encodings`, signed 32-bit each. */
export function setEncodings(encodings) {
    return [2, 0, encodings.length >> 8, encodings.length & 0xff,
        ...encodings.flatMap((e) => [(e >>> 24) & 0xff, (e >>> 16) & 0xff, (e >>> 8) & 0xff, e & 0xff])];
}

export function updateRequest(incremental, width, height) {
    return [3, incremental ? 1 : 0, 0, 0, 0, 0, width >> 8, width & 0xff, height >> 8, height & 0xff];
}

/** What follows ServerInit: SetPixelFormat, SetEncodings, a full non-incremental update request. */
export function sessionStart(width, height) {
    return [...SET_PIXEL_FORMAT_RGBX32, ...SET_ENCODINGS, ...updateRequest(false, width, height)];
}
