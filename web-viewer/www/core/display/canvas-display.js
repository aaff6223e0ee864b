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
 * on average to every round trip (the client decodes the next update only once this one is
 * drawn). Only an update finished while the next frame already holds one waits, until that frame
 * has been rendered. A hidden tab gets no frames, so it draws at most one more update, the client
 * holds the one after it unread, and the server is asked for no more. Rows of a large rectangle
 * still arriving are drawn at frame callbacks, so a slow link fills the screen progressively.
 *
 * Images (Tight's JPEG, TightPNG's PNG) are decoded by the browser with createImageBitmap, off the
 * page's thread, from the moment they arrive; the queue is drawn in order up to the first image not
 * decoded yet, and what follows waits for it, so later rectangles never overtake it, and an update
 * counts as drawn (its finishUpdate callback runs) only once all it holds, images too, is drawn.
 * An image that does not decode, or decodes to another size, ends the session: its error goes to
 * the finishUpdate callbacks waiting and to come, and nothing more is drawn.
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
     * @param {(blob: Blob, options: object) => Promise<ImageBitmap>} [options.createImageBitmap]
     *   defaults to the browser's; tests pass their own.
     */
    constructor(canvas, { requestFrame, postTask, onError, createImageBitmap: decode } = {}) {
        this._canvas = canvas;
        this._context = canvas.getContext('2d', { alpha: false });
        this._requestFrame = requestFrame ?? ((callback) => requestAnimationFrame(callback));
        this._postTask = postTask ?? ((callback) => setTimeout(callback, 0));
        this._onError = onError ?? ((error) => console.error('rfbridge: drawing failed', error));
        this._createImageBitmap = decode ?? ((blob, options) => createImageBitmap(blob, options));
        this.width = canvas.width;
        this.height = canvas.height;
        /** @type {Array<(() => void)|PendingImage>} drawing operations in arrival order */
        this._operations = [];
        /** Operations ever queued, and ever drawn (or dropped): a finished update waits for its last. */
        this._queuedCount = 0;
        this._drawnCount = 0;
        /** @type {Array<{onDrawn: (error?: Error) => void, after: number}>} in order */
        this._drawnCallbacks = [];
        /** The error of an image that could not be drawn; then nothing more is. */
        this._failure = null;
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

    drawImage(x, y, w, h, bytes, mimeType, fail) {
        checkInside(x, y, w, h, this.width, this.height, 'drawImage');
        if (this._failure !== null) {
            return;
        }
        const image = new PendingImage(x, y);
        this._queue(image);
        let decoding;
        try {
            // The server's pixel values as they are: no colour profile applies to a remote screen.
            decoding = Promise.resolve(this._createImageBitmap(new Blob([bytes], { type: mimeType }),
                { colorSpaceConversion: 'none' }));
        } catch (error) {
            decoding = Promise.reject(error);
        }
        decoding.then((bitmap) => {
            if (this._failure !== null) {
                bitmap.close?.();
            } else if (bitmap.width !== w || bitmap.height !== h) {
                bitmap.close?.();
                image.failure = fail(`is ${bitmap.width}x${bitmap.height}`);
            } else {
                image.bitmap = bitmap;
            }
        }, (error) => {
            image.failure = fail(`does not decode${error?.message ? ` (${error.message})` : ''}`);
        }).then(() => {
            image.settled = true;
            this._imageSettled(image);
        });
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
        // The shape's alpha is straight, as ImageData's is, and a PNG keeps it: CursorWithAlpha's
        // soft edges and shadows show as sent. Unlike the framebuffer's, this canvas needs an alpha
        // channel. (Browsers store a canvas premultiplied, which rounds the colour of a nearly
        // transparent pixel, where it hardly shows; alpha itself stays exact.)
        const image = this._canvas.ownerDocument.createElement('canvas');
        image.width = width;
        image.height = height;
        image.getContext('2d', { alpha: true })
            .putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
        this._cursorUrl = image.toDataURL();
        this._canvas.style.cursor = `url(${this._cursorUrl}) ${hotX} ${hotY}, default`;
    }

    finishUpdate(onDrawn) {
        if (this._failure !== null) {
            // Nothing more is drawn: no frame to wait for.
            onDrawn(this._failure);
            return;
        }
        this._drawnCallbacks.push({ onDrawn, after: this._queuedCount });
        this._drawSoon();
    }

    /** Draws what waits at once when a frame is free to show it, else at the next frame. */
    _drawSoon() {
        if (this._nextFrameTaken || this._taskPosted) {
            this._scheduleFrame();
        } else {
            this._drawOutsideFrame();
        }
    }

    _queue(operation) {
        if (this._failure !== null) {
            // The session is ending: nothing after the image that failed is drawn.
            return;
        }
        this._operations.push(operation);
        this._queuedCount++;
        this._scheduleFrame();
    }

    _imageSettled(image) {
        if (this._operations[0] !== image) {
            // Images before it, or a frame, still hold it; it is drawn when they let it.
            return;
        }
        if (image.failure !== null) {
            // Nothing to show, so no frame to wait for: the session hears of it now.
            this._draw();
        } else if (this._drawnCallbacks.length > 0) {
            // An update waited for it: drawn as a finished update is.
            this._drawSoon();
        } else {
            this._scheduleFrame();
        }
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
        if (!this._draw()) {
            // Nothing drawn (the next operation is an image still decoding): the next frame is free.
            this._nextFrameTaken = false;
        }
    }

    /** Whether a draw now would do anything: not while the next operation is an image still decoding. */
    _hasWork() {
        const next = this._operations[0];
        if (next instanceof PendingImage && !next.settled) {
            return false;
        }
        return this._operations.length > 0 || this._drawnCallbacks.length > 0;
    }

    /** Draws what can be drawn and reports the updates that are; returns whether it did anything. */
    _draw() {
        const operations = this._operations;
        let done = 0;
        try {
            while (done < operations.length) {
                const operation = operations[done];
                if (operation instanceof PendingImage) {
                    if (!operation.settled) {
                        break;
                    }
                    if (operation.failure !== null) {
                        this._failure = operation.failure;
                        operations.forEach((dropped) => dropped instanceof PendingImage && dropped.release());
                        done = operations.length;
                        break;
                    }
                    done++;
                    operation.drawOn(this._context);
                } else {
                    done++;
                    operation();
                }
            }
        } catch (error) {
            // The rest of the batch is dropped: it would draw onto a picture already wrong.
            done = operations.length;
            this._onError(error);
        }
        operations.splice(0, done);
        this._drawnCount += done;
        const callbacks = this._drawnCallbacks;
        let due = 0;
        while (due < callbacks.length && (this._failure !== null || callbacks[due].after <= this._drawnCount)) {
            due++;
        }
        for (const { onDrawn } of callbacks.splice(0, due)) {
            if (this._failure !== null) {
                onDrawn(this._failure);
            } else {
                onDrawn();
            }
        }
        return done > 0 || due > 0;
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

/** An image in the drawing queue: decoding from the moment it arrives, drawn in its turn. */
class PendingImage {
    constructor(x, y) {
        this.x = x;
        this.y = y;
        this.settled = false;
        /** @type {ImageBitmap|null} */
        this.bitmap = null;
        /** @type {Error|null} the RfbError that ends the session, when it cannot be drawn */
        this.failure = null;
    }

    drawOn(context) {
        try {
            context.drawImage(this.bitmap, this.x, this.y);
        } finally {
            this.release();
        }
    }

    /** Frees the decoded pixels now instead of at garbage collection. */
    release() {
        this.bitmap?.close?.();
        this.bitmap = null;
    }
}
