// SPDX-License-Identifier: Apache-2.0

import { checkInside, checkSize } from './bounds.js';

/**
 * The framebuffer on a 2D canvas: the only code that draws on one. Same drawing interface as
 * MemoryDisplay (see there).
 *
 * Drawing calls only check and queue; the queue is drawn in one go, so the browser shows at most
 * one update per animation frame however many rectangles it has. A finished update is drawn at
 * once when nothing else is waiting to be shown in the next frame: canvas drawing outside a frame
 * callback appears at the next frame anyway, and waiting for the callback would add half a frame
 * on average to every round trip (the client asks for the next update only once this one is
 * drawn). Only an update finished while the next frame already holds one waits, until that frame
 * has been rendered. A hidden tab gets no frames, so it draws at most one more update and then
 * stops asking the server for more. Rows of a large rectangle still arriving are drawn at frame
 * callbacks, so a slow link fills the screen progressively.
 *
 * Raw pixels go through ImageData (wrapping the decoder's array, no copy). CopyRect goes through a
 * scratch canvas, which also makes overlapping copies right: drawing a canvas onto itself makes
 * Chromium's software canvas snapshot and re-copy the whole surface, 5-9 ms at 1920x1080 even for
 * a small rectangle, against about 1 ms for a full-screen copy through the scratch canvas.
 *
 * All calls come from the page's main thread (the client's message loop, frame callbacks and the
 * task posted after a frame).
 */
export class CanvasDisplay {
    /**
     * @param {HTMLCanvasElement} canvas
     * @param {object} [options]
     * @param {(callback: () => void) => void} [options.requestFrame] defaults to
     *   requestAnimationFrame; tests pass their own.
     * @param {(callback: () => void) => void} [options.postTask] runs a callback in a later task
     *   (after the frame being rendered); defaults to setTimeout 0; tests pass their own.
     * @param {(error: Error) => void} [options.onError] told when drawing fails (then the
     *   waiting finishUpdate callbacks are still called, so the session does not stall).
     */
    constructor(canvas, { requestFrame, postTask, onError } = {}) {
        this._canvas = canvas;
        this._context = canvas.getContext('2d', { alpha: false });
        this._requestFrame = requestFrame ?? ((callback) => requestAnimationFrame(callback));
        this._postTask = postTask ?? ((callback) => setTimeout(callback, 0));
        this._onError = onError ?? ((error) => console.error('rfbridge: drawing failed', error));
        this.width = canvas.width;
        this.height = canvas.height;
        /** @type {Array<() => void>} drawing operations in arrival order */
        this._operations = [];
        /** @type {Array<() => void>} */
        this._drawnCallbacks = [];
        this._frameRequested = false;
        /**
         * True from a draw outside a frame callback until the next frame callback: that frame will
         * show the draw, so another finished update must wait for the one after.
         */
        this._nextFrameTaken = false;
        this._taskPosted = false;
        this._cursorUrl = null;
        /** @type {CanvasRenderingContext2D|null} made on the first CopyRect, grown as needed */
        this._scratch = null;
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
        this._queue(() => {
            const scratch = this._scratchContext(w, h);
            scratch.drawImage(this._canvas, srcX, srcY, w, h, 0, 0, w, h);
            this._context.drawImage(scratch.canvas, 0, 0, w, h, x, y, w, h);
        });
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
        if (this._nextFrameTaken || this._taskPosted) {
            this._scheduleFrame();
        } else {
            this._drawOutsideFrame();
        }
    }

    _queue(operation) {
        this._operations.push(operation);
        this._scheduleFrame();
    }

    _scheduleFrame() {
        if (!this._frameRequested) {
            this._frameRequested = true;
            this._requestFrame(() => this._onFrame());
        }
    }

    _onFrame() {
        this._frameRequested = false;
        if (!this._nextFrameTaken) {
            this._draw();
            return;
        }
        // This frame shows the last draw; what waits is drawn once it has been rendered.
        this._nextFrameTaken = false;
        if (this._hasWork() && !this._taskPosted) {
            this._taskPosted = true;
            this._postTask(() => {
                this._taskPosted = false;
                if (this._hasWork()) {
                    this._drawOutsideFrame();
                }
            });
        }
    }

    _drawOutsideFrame() {
        this._nextFrameTaken = true;
        // The frame callback that follows ends the hold, so a later update may draw at once again.
        this._scheduleFrame();
        this._draw();
    }

    _hasWork() {
        return this._operations.length > 0 || this._drawnCallbacks.length > 0;
    }

    _draw() {
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

    _scratchContext(width, height) {
        if (this._scratch === null) {
            const canvas = this._canvas.ownerDocument.createElement('canvas');
            this._scratch = canvas.getContext('2d', { alpha: false });
        }
        const canvas = this._scratch.canvas;
        if (canvas.width < width || canvas.height < height) {
            // Never shrunk: sizes change rarely, and a resize reallocates.
            canvas.width = Math.max(canvas.width, width);
            canvas.height = Math.max(canvas.height, height);
        }
        return this._scratch;
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
