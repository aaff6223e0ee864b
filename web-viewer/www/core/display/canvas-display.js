// SPDX-License-Identifier: Apache-2.0

import { checkInside, checkSize } from './bounds.js';

/**
 * The framebuffer on a 2D canvas: the only code that draws on one. Same drawing interface as
 * MemoryDisplay (see there).
 *
 * Drawing calls only check and queue; the queue is drawn in one go at the next animation frame,
 * so the browser paints an update at most once per frame however many rectangles it has, and a
 * hidden tab (no frames) stops asking the server for more. Raw pixels go through ImageData,
 * CopyRect is drawImage from the canvas onto itself, which the HTML spec defines as copying from a
 * snapshot, so overlapping copies are right.
 *
 * All calls come from the page's main thread (the client's message loop and the frame callback).
 */
export class CanvasDisplay {
    /**
     * @param {HTMLCanvasElement} canvas
     * @param {object} [options]
     * @param {(callback: () => void) => void} [options.requestFrame] defaults to
     *   requestAnimationFrame; tests pass their own.
     * @param {(error: Error) => void} [options.onError] told when drawing fails (then the
     *   waiting finishUpdate callbacks are still called, so the session does not stall).
     */
    constructor(canvas, { requestFrame, onError } = {}) {
        this._canvas = canvas;
        this._context = canvas.getContext('2d', { alpha: false });
        this._requestFrame = requestFrame ?? ((callback) => requestAnimationFrame(callback));
        this._onError = onError ?? ((error) => console.error('rfbridge: drawing failed', error));
        this.width = canvas.width;
        this.height = canvas.height;
        /** @type {Array<() => void>} drawing operations in arrival order */
        this._operations = [];
        /** @type {Array<() => void>} */
        this._drawnCallbacks = [];
        this._frameRequested = false;
        this._cursorUrl = null;
    }

    /** The canvas drawn on. */
    get canvas() {
        return this._canvas;
    }

    resize(width, height) {
        checkSize(width, height);
        this.width = width;
        this.height = height;
        this._queue(() => this._resizeCanvas(width, height));
    }

    fillRect(x, y, w, h, rgba) {
        checkInside(x, y, w, h, this.width, this.height, 'fillRect');
        const alpha = rgba.length > 3 ? rgba[3] / 255 : 1;
        const style = `rgba(${rgba[0]},${rgba[1]},${rgba[2]},${alpha})`;
        this._queue(() => {
            this._context.fillStyle = style;
            this._context.fillRect(x, y, w, h);
        });
    }

    copyRect(srcX, srcY, x, y, w, h) {
        checkInside(srcX, srcY, w, h, this.width, this.height, 'copyRect source');
        checkInside(x, y, w, h, this.width, this.height, 'copyRect');
        this._queue(() => this._context.drawImage(this._canvas, srcX, srcY, w, h, x, y, w, h));
    }

    putPixels(x, y, w, h, rgba) {
        checkInside(x, y, w, h, this.width, this.height, 'putPixels');
        if (rgba.length !== w * h * 4) {
            throw new RangeError(`putPixels ${w}x${h} given ${rgba.length} bytes`);
        }
        if (w === 0 || h === 0) {
            return;
        }
        const pixels = rgba instanceof Uint8ClampedArray
            ? rgba
            : new Uint8ClampedArray(rgba.buffer, rgba.byteOffset, rgba.length);
        this._queue(() => this._context.putImageData(new ImageData(pixels, w, h), x, y));
    }

    /**
     * Shows the server's pointer shape as the canvas's CSS cursor; 0x0 hides the pointer.
     * Not batched: a cursor is small and changes rarely.
     */
    setCursor(rgba, width, height, hotX, hotY) {
        if (width === 0 || height === 0) {
            this._cursorUrl = null;
            this._canvas.style.cursor = 'none';
            return;
        }
        const image = this._canvas.ownerDocument.createElement('canvas');
        image.width = width;
        image.height = height;
        image.getContext('2d').putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
        this._cursorUrl = image.toDataURL();
        this._canvas.style.cursor = `url(${this._cursorUrl}) ${hotX} ${hotY}, default`;
    }

    finishUpdate(onDrawn) {
        this._drawnCallbacks.push(onDrawn);
        this._scheduleFrame();
    }

    _queue(operation) {
        this._operations.push(operation);
        this._scheduleFrame();
    }

    _scheduleFrame() {
        if (!this._frameRequested) {
            this._frameRequested = true;
            this._requestFrame(() => this._drawFrame());
        }
    }

    _drawFrame() {
        this._frameRequested = false;
        const operations = this._operations;
        const callbacks = this._drawnCallbacks;
        this._operations = [];
        this._drawnCallbacks = [];
        try {
            for (const operation of operations) {
                operation();
            }
        } catch (error) {
            this._onError(error);
        }
        for (const callback of callbacks) {
            callback();
        }
    }

    _resizeCanvas(width, height) {
        // Setting the size clears a canvas; keep what overlaps, as servers send only the new part.
        const old = this._canvas.ownerDocument.createElement('canvas');
        old.width = this._canvas.width;
        old.height = this._canvas.height;
        if (old.width > 0 && old.height > 0) {
            old.getContext('2d').drawImage(this._canvas, 0, 0);
        }
        this._canvas.width = width;
        this._canvas.height = height;
        this._context.fillStyle = 'black';
        this._context.fillRect(0, 0, width, height);
        if (old.width > 0 && old.height > 0) {
            this._context.drawImage(old, 0, 0);
        }
    }
}
