// SPDX-License-Identifier: Apache-2.0

import { checkInside, checkSize } from './bounds.js';

/**
 * A display that keeps the framebuffer in memory as RGBA bytes: for tests and for running the
 * client without a page. It has the drawing interface every display offers to the client:
 *
 * - `width`, `height`: the framebuffer size.
 * - `resize(width, height)`: new size; what overlaps the old size is kept, the rest is black.
 * - `fillRect(x, y, w, h, rgba)`: rgba is [r, g, b] or [r, g, b, a].
 * - `copyRect(srcX, srcY, x, y, w, h)`: overlapping areas copy as if through a temporary.
 * - `putPixels(x, y, w, h, rgba)`: w*h*4 bytes of opaque RGBA; the display may keep the array.
 * - `drawImage(x, y, w, h, bytes, mimeType, fail)`: a JPEG or PNG image ('image/jpeg' or
 *   'image/png') whose header the decoder has checked to give w x h; the display may keep `bytes`.
 *   It is drawn in order with the other calls, however long decoding takes. When it does not
 *   decode, or decodes to another size, `fail(problem)` gives the RfbError that ends the session
 *   (`problem` is "does not decode", maybe with the reason in parentheses, or "is WxH"): thrown
 *   here, at once; a display that decodes later (CanvasDisplay) hands it to `onDrawn` instead.
 * - `setCursor(rgba, w, h, hotX, hotY)`: the pointer's shape, w*h*4 bytes of RGBA with straight
 *   (not premultiplied) alpha: 0 or 255 from Cursor and XCursor, anything in 0..255 from
 *   CursorWithAlpha; 0x0 hides the pointer.
 * - `finishUpdate(onDrawn)`: the current update is complete; `onDrawn()` is called once, when it
 *   is on screen (here: at once, or at `drawPending()` when `autoDraw` is false), or
 *   `onDrawn(error)` with the RfbError of an image in it (or before it) that could not be drawn.
 *
 * Every drawing call checks its rectangle and throws RangeError when it lies outside.
 */
export class MemoryDisplay {
    /**
     * @param {object} [options]
     * @param {boolean} [options.autoDraw=true] call finishUpdate's callback at once; when false
     *   the callbacks wait for drawPending(), so tests can hold a frame back.
     * @param {(bytes: Uint8Array, mimeType: string) => {width: number, height: number, data: Uint8Array}}
     *   [options.decodeImage] decodes a JPEG or PNG at once into RGBA, throwing when it cannot;
     *   without it drawImage fails. Node has no image decoder, so the test runners pass one
     *   (test-support/image-decoding.js) and core/ depends on none.
     */
    constructor({ autoDraw = true, decodeImage = null } = {}) {
        this.width = 0;
        this.height = 0;
        this.data = new Uint8ClampedArray(0);
        this.autoDraw = autoDraw;
        this.cursor = null;
        this.updatesFinished = 0;
        this._decodeImage = decodeImage;
        /** @type {Array<() => void>} */
        this._pending = [];
    }

    resize(width, height) {
        checkSize(width, height);
        const data = new Uint8ClampedArray(width * height * 4);
        for (let i = 3; i < data.length; i += 4) {
            data[i] = 255;
        }
        const keepW = Math.min(width, this.width);
        const keepH = Math.min(height, this.height);
        for (let row = 0; row < keepH; row++) {
            const from = row * this.width * 4;
            data.set(this.data.subarray(from, from + keepW * 4), row * width * 4);
        }
        this.width = width;
        this.height = height;
        this.data = data;
    }

    fillRect(x, y, w, h, rgba) {
        checkInside(x, y, w, h, this.width, this.height, 'fillRect');
        const alpha = rgba.length > 3 ? rgba[3] : 255;
        for (let row = y; row < y + h; row++) {
            for (let i = (row * this.width + x) * 4, end = i + w * 4; i < end; i += 4) {
                this.data[i] = rgba[0];
                this.data[i + 1] = rgba[1];
                this.data[i + 2] = rgba[2];
                this.data[i + 3] = alpha;
            }
        }
    }

    copyRect(srcX, srcY, x, y, w, h) {
        checkInside(srcX, srcY, w, h, this.width, this.height, 'copyRect source');
        checkInside(x, y, w, h, this.width, this.height, 'copyRect');
        const rows = [];
        for (let row = 0; row < h; row++) {
            const from = ((srcY + row) * this.width + srcX) * 4;
            rows.push(this.data.slice(from, from + w * 4));
        }
        rows.forEach((pixels, row) => this.data.set(pixels, ((y + row) * this.width + x) * 4));
    }

    putPixels(x, y, w, h, rgba) {
        checkInside(x, y, w, h, this.width, this.height, 'putPixels');
        if (rgba.length !== w * h * 4) {
            throw new RangeError(`putPixels ${w}x${h} given ${rgba.length} bytes`);
        }
        for (let row = 0; row < h; row++) {
            this.data.set(rgba.subarray(row * w * 4, (row + 1) * w * 4), ((y + row) * this.width + x) * 4);
        }
    }

    drawImage(x, y, w, h, bytes, mimeType, fail) {
        checkInside(x, y, w, h, this.width, this.height, 'drawImage');
        if (this._decodeImage === null) {
            throw new Error('this MemoryDisplay was made without an image decoder (options.decodeImage)');
        }
        let image;
        try {
            image = this._decodeImage(bytes, mimeType);
        } catch (error) {
            throw fail(`does not decode${error?.message ? ` (${error.message})` : ''}`);
        }
        if (image.width !== w || image.height !== h) {
            throw fail(`is ${image.width}x${image.height}`);
        }
        // Opaque, as every other pixel: a Tight server's images carry no transparency to keep.
        for (let row = 0; row < h; row++) {
            for (let column = 0; column < w; column++) {
                const from = (row * w + column) * 4;
                const to = ((y + row) * this.width + x + column) * 4;
                this.data[to] = image.data[from];
                this.data[to + 1] = image.data[from + 1];
                this.data[to + 2] = image.data[from + 2];
                this.data[to + 3] = 255;
            }
        }
    }

    setCursor(rgba, width, height, hotX, hotY) {
        this.cursor = { rgba, width, height, hotX, hotY };
    }

    finishUpdate(onDrawn) {
        this.updatesFinished++;
        this._pending.push(onDrawn);
        if (this.autoDraw) {
            this.drawPending();
        }
    }

    /** Updates finished and not yet reported drawn. */
    get pendingDraws() {
        return this._pending.length;
    }

    /** Reports every finished update as drawn. */
    drawPending() {
        const callbacks = this._pending;
        this._pending = [];
        callbacks.forEach((callback) => callback());
    }

    /** [r, g, b, a] at x, y. */
    pixel(x, y) {
        checkInside(x, y, 1, 1, this.width, this.height, 'pixel');
        const i = (y * this.width + x) * 4;
        return Array.from(this.data.subarray(i, i + 4));
    }
}
