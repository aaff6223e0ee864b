// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from '../error-codes.js';
import { RfbError } from '../errors.js';
import { toRgba } from '../pixel-format.js';
import { describeRect } from '../rect.js';
import { ZlibStream } from './zlib-stream.js';

/**
 * Zlib (encoding 6, from TightVNC; not in RFC 6143 but in its registry), the Java core's
 * ZlibDecoder: a length, then that many bytes of one zlib stream that lasts the connection,
 * inflating to the rectangle's pixels as Raw sends them. Pixels are painted as they inflate; the
 * decoder keeps at most one pixel's bytes between chunks. The compressed length is bounded by the
 * pixels plus zlib's worst-case overhead, and the rectangle's bytes must inflate to exactly its
 * pixels: the server flushes the stream after each rectangle. Contract: see RawDecoder.
 */
export class ZlibDecoder {
    constructor() {
        this._zlib = new ZlibStream('Zlib');
        this._partialPixel = new Uint8Array(4);
        this._partialBytes = 0;
        this._lengthRead = false;
        this._compressedLeft = 0;
        this._rect = null;
        this._format = null;
        this._display = null;
        this._pixelsDone = 0;
        this._onInflated = (chunk) => this._inflated(chunk);
    }

    decodeRect(rect, input, pixelFormat, display) {
        const bytesPerPixel = pixelFormat.bitsPerPixel >> 3;
        const pixelBytes = rect.width * rect.height * bytesPerPixel;
        if (!this._lengthRead) {
            if (!input.has(4)) {
                return false;
            }
            const length = input.readU32(); // length
            const compressedCap = pixelBytes + Math.floor(pixelBytes / 1000) + 1024;
            if (length > compressedCap) {
                throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `Zlib rectangle ${describeRect(rect)} claims ` +
                    `${length} compressed bytes; its pixels can take at most ${compressedCap}`);
            }
            this._compressedLeft = length;
            this._lengthRead = true;
            this._rect = rect;
            this._format = pixelFormat;
            this._display = display;
            this._pixelsDone = 0;
            this._partialBytes = 0;
        }
        this._compressedLeft = this._zlib.inflateFrom(input, this._compressedLeft, this._onInflated); // zlibData
        if (this._compressedLeft > 0) {
            return false;
        }
        this._lengthRead = false;
        const area = rect.width * rect.height;
        if (this._pixelsDone < area || this._partialBytes > 0) {
            throw new RfbError(ErrorCode.BAD_ENCODING_DATA, `Zlib rectangle ${describeRect(rect)}: the data inflates ` +
                `to ${this._pixelsDone * bytesPerPixel + this._partialBytes} of its ${pixelBytes} bytes of pixels`);
        }
        return true;
    }

    _inflated(chunk) {
        const rect = this._rect;
        const bytesPerPixel = this._format.bitsPerPixel >> 3;
        const pixelBytes = rect.width * rect.height * bytesPerPixel;
        const pixelBytesLeft = pixelBytes - this._pixelsDone * bytesPerPixel - this._partialBytes;
        if (chunk.length > pixelBytesLeft) {
            throw new RfbError(ErrorCode.BAD_COMPRESSED_DATA, `Zlib rectangle ${describeRect(rect)}: the data ` +
                `inflates beyond its ${pixelBytes} bytes of pixels`);
        }
        let at = 0;
        if (this._partialBytes > 0) {
            const n = Math.min(bytesPerPixel - this._partialBytes, chunk.length);
            this._partialPixel.set(chunk.subarray(0, n), this._partialBytes);
            this._partialBytes += n;
            at = n;
            if (this._partialBytes < bytesPerPixel) {
                return;
            }
            this._paint(this._partialPixel, 0, 1, 1);
            this._partialBytes = 0;
        }
        while (chunk.length - at >= bytesPerPixel) {
            const column = this._pixelsDone % rect.width;
            const pixels = Math.floor((chunk.length - at) / bytesPerPixel);
            // Whole rows go to the display in one call, the rest of a row in another.
            const rows = column === 0 ? Math.floor(pixels / rect.width) : 0;
            const count = rows > 0 ? rect.width : Math.min(rect.width - column, pixels);
            this._paint(chunk, at, count, Math.max(rows, 1));
            at += count * Math.max(rows, 1) * bytesPerPixel;
        }
        this._partialPixel.set(chunk.subarray(at), 0);
        this._partialBytes = chunk.length - at;
    }

    /**
     * Paints `rows` rows of `width` pixels from the current position, where they fit (several rows
     * only from a row's start), and moves on past them.
     */
    _paint(data, offset, width, rows) {
        const rect = this._rect;
        const row = Math.floor(this._pixelsDone / rect.width);
        const column = this._pixelsDone % rect.width;
        const rgba = new Uint8ClampedArray(width * rows * 4);
        toRgba(this._format, data, offset, rgba, 0, width * rows);
        this._display.putPixels(rect.x + column, rect.y + row, width, rows, rgba);
        this._pixelsDone += width * rows;
    }
}
