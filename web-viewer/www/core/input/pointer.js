// SPDX-License-Identifier: Apache-2.0

/*
 * Mouse and wheel -> RFB PointerEvent masks. No DOM: callers pass positions already converted to
 * framebuffer coordinates, `MouseEvent.button` numbers and `WheelEvent` deltas.
 */

/** Bits of the RFB button mask (RFC 6143 section 7.5.5: button N is bit N-1). */
export const Button = Object.freeze({
    LEFT: 1 << 0,
    MIDDLE: 1 << 1,
    RIGHT: 1 << 2,
    WHEEL_UP: 1 << 3,
    WHEEL_DOWN: 1 << 4,
    WHEEL_LEFT: 1 << 5,
    WHEEL_RIGHT: 1 << 6,
});

/** MouseEvent.button (0 main, 1 auxiliary, 2 secondary) -> mask bit; other buttons are not sent. */
const DOM_BUTTONS = [Button.LEFT, Button.MIDDLE, Button.RIGHT];

/** Pixels of scrolling that make one wheel click: a mouse notch is about 50-120, a trackpad flick many small deltas. */
export const WHEEL_STEP_PIXELS = 50;
/** WheelEvent.deltaMode: pixels, lines, pages. */
const LINE_PIXELS = 20;
/** A pause this long (ms) forgets a partial step, so an old remainder never adds to a new gesture. */
const WHEEL_IDLE_MS = 400;

/**
 * Turns wheel deltas into whole wheel clicks, carrying the remainder between events so a
 * trackpad's many small deltas scroll at the same rate as a mouse wheel.
 */
export class WheelAccumulator {
    constructor({ stepPixels = WHEEL_STEP_PIXELS, pagePixels = 600 } = {}) {
        this._step = stepPixels;
        this._page = pagePixels;
        this._x = 0;
        this._y = 0;
        this._lastTime = -Infinity;
    }

    /**
     * @param {number} deltaX positive scrolls right
     * @param {number} deltaY positive scrolls down
     * @param {number} [deltaMode=0] 0 pixels, 1 lines, 2 pages
     * @param {number} [time] event time in ms
     * @returns {number[]} mask bits, one per click, in order
     */
    add(deltaX, deltaY, deltaMode = 0, time = 0) {
        const scale = deltaMode === 1 ? LINE_PIXELS : deltaMode === 2 ? this._page : 1;
        if (time - this._lastTime > WHEEL_IDLE_MS) {
            this._x = 0;
            this._y = 0;
        }
        this._lastTime = time;
        this._x = this._carry(this._x, deltaX * scale);
        this._y = this._carry(this._y, deltaY * scale);
        const clicks = [];
        this._y = this._drain(this._y, Button.WHEEL_UP, Button.WHEEL_DOWN, clicks);
        this._x = this._drain(this._x, Button.WHEEL_LEFT, Button.WHEEL_RIGHT, clicks);
        return clicks;
    }

    /** A change of direction drops what was gathered the other way. */
    _carry(total, delta) {
        if (!Number.isFinite(delta)) {
            return total;
        }
        return Math.sign(total) * Math.sign(delta) < 0 ? delta : total + delta;
    }

    _drain(total, negativeBit, positiveBit, clicks) {
        // Bounded: one event never makes more than a screenful of clicks.
        let count = Math.min(Math.trunc(Math.abs(total) / this._step), 20);
        const bit = total < 0 ? negativeBit : positiveBit;
        const left = total - Math.sign(total) * count * this._step;
        while (count-- > 0) {
            clicks.push(bit);
        }
        return Math.abs(left) >= this._step ? 0 : left;
    }
}

/**
 * The pointer as the server should see it: position and buttons held. Each method returns the
 * PointerEvents to send as [x, y, mask] triples.
 */
export class PointerState {
    constructor() {
        this.x = 0;
        this.y = 0;
        this.buttons = 0;
        this.wheel = new WheelAccumulator();
    }

    move(x, y) {
        this.x = x;
        this.y = y;
        return [[x, y, this.buttons]];
    }

    /** @param {number} domButton MouseEvent.button; @returns {Array<[number, number, number]>} */
    button(x, y, domButton, down) {
        const bit = DOM_BUTTONS[domButton];
        this.x = x;
        this.y = y;
        if (bit === undefined) {
            return [];
        }
        this.buttons = down ? this.buttons | bit : this.buttons & ~bit;
        return [[x, y, this.buttons]];
    }

    /** A wheel event: each click is a press and a release of its button, held buttons kept. */
    scroll(x, y, deltaX, deltaY, deltaMode = 0, time = 0) {
        this.x = x;
        this.y = y;
        const out = [];
        for (const bit of this.wheel.add(deltaX, deltaY, deltaMode, time)) {
            out.push([x, y, this.buttons | bit], [x, y, this.buttons]);
        }
        return out;
    }

    /** Lets go of every button, for when the pointer leaves the page with a button down. */
    releaseAll() {
        if (this.buttons === 0) {
            return [];
        }
        this.buttons = 0;
        return [[this.x, this.y, 0]];
    }
}
