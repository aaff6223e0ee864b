// SPDX-License-Identifier: Apache-2.0

import { RGBX32, writePixelFormat } from '../www/core/pixel-format.js';
import { RfbOutput } from '../www/core/rfb-output.js';
import { concat } from './chunking.js';

/*
 * Builders of what a server sends, written from RFC 6143 independently of the client's readers.
 */

export function u8(...values) {
    return Uint8Array.from(values);
}

export function u16(value) {
    return Uint8Array.of(value >> 8, value & 0xff);
}

export function u32(value) {
    return Uint8Array.of((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

export function s32(value) {
    return u32(value >>> 0);
}

export function ascii(text) {
    return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

export function banner(version = '003.008') {
    return ascii(`RFB ${version}\n`);
}

/** A u32 length and the bytes. */
export function lengthPrefixed(bytes) {
    return concat(u32(bytes.length), bytes);
}

export function pixelFormat(pf = RGBX32) {
    const out = new RfbOutput();
    writePixelFormat(pf, out);
    return out.take();
}

export function serverInit(width, height, name = 'test desktop', pf = RGBX32) {
    return concat(u16(width), u16(height), pixelFormat(pf), lengthPrefixed(new TextEncoder().encode(name)));
}

/** The handshake of a 3.8 server with security None, up to and including ServerInit. */
export function handshake38None(width, height, name) {
    return concat(banner('003.008'), u8(1, 1), u32(0), serverInit(width, height, name));
}

export function rectHeader(x, y, width, height, encoding) {
    return concat(u16(x), u16(y), u16(width), u16(height), s32(encoding));
}

/** FramebufferUpdate with `count` rectangles (default: the number of rectangles given). */
export function framebufferUpdate(rects, count = rects.length) {
    return concat(u8(0, 0), u16(count), ...rects);
}

/** A Raw rectangle of RGBX32 pixels from [r, g, b] triples, row by row. */
export function rawRect(x, y, width, height, colours) {
    const pixels = new Uint8Array(width * height * 4);
    colours.forEach(([r, g, b], i) => pixels.set([r, g, b, 0], i * 4));
    return concat(rectHeader(x, y, width, height, 0), pixels);
}

export function copyRect(x, y, width, height, srcX, srcY) {
    return concat(rectHeader(x, y, width, height, 1), u16(srcX), u16(srcY));
}

export function bell() {
    return u8(2);
}

export function serverCutText(bytes) {
    return concat(u8(3, 0, 0, 0), lengthPrefixed(bytes));
}
