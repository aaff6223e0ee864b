// SPDX-License-Identifier: Apache-2.0

import { Button, WheelAccumulator } from './pointer.js';

/** Finger travel (CSS pixels) that turns a touch into a drag instead of a tap. */
export const TAP_SLOP = 10;

/**
 * Touch gestures -> PointerEvents: a tap is a left click, one finger dragged moves with the left
 * button held, two fingers moved together scroll (wheel clicks), two fingers tapped are a right
 * click. No DOM: callers pass the touches still on the screen after each change, as {id, x, y}
 * in framebuffer coordinates, plus the scale (framebuffer pixels per CSS pixel) for the slop.
 * Every method returns [x, y, mask] triples to send.
 */
export class TouchGestures {
    constructor() {
        this._mode = 'idle'; // idle | pending | drag | two | scroll
        this._start = null;
        this._last = null;
        this._mid = null;
        this._wheel = new WheelAccumulator();
    }

    /** Touches changed by touchstart. */
    start(touches, scale = 1, time = 0) {
        if (touches.length === 1 && this._mode === 'idle') {
            this._mode = 'pending';
            this._start = { ...touches[0] };
            this._last = { ...touches[0] };
            return [];
        }
        if (touches.length === 2 && (this._mode === 'pending' || this._mode === 'idle')) {
            this._mode = 'two';
            this._mid = midpoint(touches);
            this._start = this._mid;
            this._last = this._mid;
            return [];
        }
        return [];
    }

    move(touches, scale = 1, time = 0) {
        if (this._mode === 'pending' || this._mode === 'drag') {
            const touch = touches[0];
            if (!touch) {
                return [];
            }
            const out = [];
            if (this._mode === 'pending') {
                if (distance(touch, this._start) <= TAP_SLOP * scale) {
                    return [];
                }
                this._mode = 'drag';
                out.push([this._start.x, this._start.y, 0], [this._start.x, this._start.y, Button.LEFT]);
            }
            this._last = { ...touch };
            out.push([touch.x, touch.y, Button.LEFT]);
            return out;
        }
        if ((this._mode === 'two' || this._mode === 'scroll') && touches.length >= 2) {
            const mid = midpoint(touches);
            if (this._mode === 'two' && distance(mid, this._start) <= TAP_SLOP * scale) {
                return [];
            }
            this._mode = 'scroll';
            // Fingers moving up bring later content into view, as a wheel turned down does.
            const dx = (this._mid.x - mid.x) / scale;
            const dy = (this._mid.y - mid.y) / scale;
            this._mid = mid;
            const out = [];
            for (const bit of this._wheel.add(dx, dy, 0, time)) {
                out.push([this._start.x, this._start.y, bit], [this._start.x, this._start.y, 0]);
            }
            return out;
        }
        return [];
    }

    /** After touchend/touchcancel: the touches still down. */
    end(remaining, cancelled = false) {
        if (remaining.length > 0) {
            return [];
        }
        const mode = this._mode;
        const at = this._last;
        this._mode = 'idle';
        if (mode === 'pending' && !cancelled) {
            return [[at.x, at.y, 0], [at.x, at.y, Button.LEFT], [at.x, at.y, 0]];
        }
        if (mode === 'drag') {
            return [[at.x, at.y, 0]];
        }
        if (mode === 'two' && !cancelled) {
            return [[at.x, at.y, 0], [at.x, at.y, Button.RIGHT], [at.x, at.y, 0]];
        }
        return [];
    }
}

function midpoint(touches) {
    return { x: (touches[0].x + touches[1].x) / 2, y: (touches[0].y + touches[1].y) / 2 };
}

function distance(a, b) {
    return Math.hypot(a.x - b.x, a.y - b.y);
}
