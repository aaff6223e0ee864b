// SPDX-License-Identifier: Apache-2.0

/*
 * Remote resize (resize=remote): when to ask the server for a desktop of the viewer's size, and
 * which size. No DOM: the viewer measures and sends; this only decides.
 */

/**
 * How long the container must keep its size before it is asked for. A window dragged by its edge
 * changes size every frame; each SetDesktopSize makes the server reallocate and send the whole
 * screen, so only where the drag stops is worth asking for.
 */
export const RESIZE_SETTLE_MS = 250;

/**
 * The desktop size that shows 1:1 in a box of `box` CSS pixels: its size in device pixels, so that
 * on a HiDPI screen each remote pixel gets one device pixel and is sharp; null for an empty box.
 * @param {{width: number, height: number}} box CSS pixels, as getBoundingClientRect gives them
 * @param {number} devicePixelRatio device pixels per CSS pixel
 * @returns {{width: number, height: number}|null}
 */
export function desktopSizeFor(box, devicePixelRatio) {
    const ratio = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
    // Rounded down, so the desktop never needs scaling to fit; the epsilon keeps a product such as
    // 100 x 1.15 = 114.99999999999999 from losing a whole pixel.
    const device = (css) => Math.floor(css * ratio + 1e-6);
    const width = device(box.width);
    const height = device(box.height);
    return width >= 1 && height >= 1 ? { width, height } : null;
}

/**
 * Asks for the container's size once a session starts, and again once the container has kept a
 * new size for `settleMs`; never the same size twice in a row within one start(), so the several
 * signals of one change (window resize, ResizeObserver, a device pixel ratio change) cost one
 * request, and a size the server refused is not asked for again until the container changes.
 * All calls on the page's main thread.
 */
export class RemoteResize {
    /**
     * @param {object} options
     * @param {() => ({width: number, height: number}|null)} options.measure the size to ask for now
     *   (desktopSizeFor the container), null when there is none
     * @param {(width: number, height: number) => void} options.request sends it (RfbClient's
     *   requestDesktopSize, which clamps and keeps only the latest until the server takes it)
     * @param {number} [options.settleMs=RESIZE_SETTLE_MS]
     * @param {(callback: () => void, ms: number) => unknown} [options.setTimer] setTimeout; tests pass their own
     * @param {(timer: unknown) => void} [options.clearTimer] clearTimeout
     */
    constructor({ measure, request, settleMs = RESIZE_SETTLE_MS,
        setTimer = (callback, ms) => setTimeout(callback, ms), clearTimer = (timer) => clearTimeout(timer) }) {
        this._measure = measure;
        this._request = request;
        this._settleMs = settleMs;
        this._setTimer = setTimer;
        this._clearTimer = clearTimer;
        this._active = false;
        this._timer = null;
        /** @type {{width: number, height: number}|null} the size last asked for since start() */
        this._asked = null;
    }

    /** Whether sizes are being asked for (between start() and stop()). */
    get active() {
        return this._active;
    }

    /**
     * A session is ready (connected in remote mode, or switched to remote mode while connected):
     * asks for the container's size at once.
     */
    start() {
        this._cancelTimer();
        this._active = true;
        this._asked = null;
        this._askNow();
    }

    /** The container's size (or the device pixel ratio) changed: asks once it has settled. */
    changed() {
        if (!this._active) {
            return;
        }
        this._cancelTimer();
        this._timer = this._setTimer(() => {
            this._timer = null;
            this._askNow();
        }, this._settleMs);
    }

    /** The session ended or left remote mode: nothing more is asked for. */
    stop() {
        this._cancelTimer();
        this._active = false;
    }

    _askNow() {
        const size = this._measure();
        if (size === null || (this._asked !== null
            && this._asked.width === size.width && this._asked.height === size.height)) {
            return;
        }
        this._asked = size;
        this._request(size.width, size.height);
    }

    _cancelTimer() {
        if (this._timer !== null) {
            this._clearTimer(this._timer);
            this._timer = null;
        }
    }
}
