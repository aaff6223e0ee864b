// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Button, PointerState, WHEEL_STEP_PIXELS, WheelAccumulator } from '../www/core/input/pointer.js';
import { TouchGestures } from '../www/core/input/touch.js';

describe('PointerState', () => {
    test('buttons 1-3 map to mask bits 0-2 and are held across moves', () => {
        const pointer = new PointerState();
        assert.deepEqual(pointer.button(10, 20, 0, true), [[10, 20, Button.LEFT]]);
        assert.deepEqual(pointer.button(10, 20, 2, true), [[10, 20, Button.LEFT | Button.RIGHT]]);
        assert.deepEqual(pointer.move(11, 21), [[11, 21, Button.LEFT | Button.RIGHT]]);
        assert.deepEqual(pointer.button(11, 21, 0, false), [[11, 21, Button.RIGHT]]);
        assert.deepEqual(pointer.button(11, 21, 1, true), [[11, 21, Button.RIGHT | Button.MIDDLE]]);
        assert.deepEqual(pointer.releaseAll(), [[11, 21, 0]]);
        assert.deepEqual(pointer.releaseAll(), []);
    });

    test('back and forward buttons are not sent', () => {
        assert.deepEqual(new PointerState().button(0, 0, 3, true), []);
    });

    test('a wheel click is a press and a release, keeping held buttons', () => {
        const pointer = new PointerState();
        pointer.button(5, 5, 0, true);
        assert.deepEqual(pointer.scroll(5, 5, 0, 120, 0, 0),
            [[5, 5, Button.LEFT | Button.WHEEL_DOWN], [5, 5, Button.LEFT], [5, 5, Button.LEFT | Button.WHEEL_DOWN], [5, 5, Button.LEFT]]);
    });
});

describe('WheelAccumulator', () => {
    test('small trackpad deltas add up to whole clicks', () => {
        const wheel = new WheelAccumulator();
        const clicks = [];
        for (let i = 0; i < 10; i++) {
            clicks.push(...wheel.add(0, 12, 0, i * 16));
        }
        assert.deepEqual(clicks, [Button.WHEEL_DOWN, Button.WHEEL_DOWN]);
    });

    test('all four directions', () => {
        const wheel = new WheelAccumulator();
        assert.deepEqual(wheel.add(0, -WHEEL_STEP_PIXELS), [Button.WHEEL_UP]);
        assert.deepEqual(wheel.add(0, WHEEL_STEP_PIXELS), [Button.WHEEL_DOWN]);
        assert.deepEqual(wheel.add(-WHEEL_STEP_PIXELS, 0), [Button.WHEEL_LEFT]);
        assert.deepEqual(wheel.add(WHEEL_STEP_PIXELS, 0), [Button.WHEEL_RIGHT]);
    });

    test('lines and pages are converted to pixels', () => {
        assert.deepEqual(new WheelAccumulator().add(0, 3, 1), [Button.WHEEL_DOWN]);
        assert.equal(new WheelAccumulator({ pagePixels: 500 }).add(0, 1, 2).length, 10);
    });

    test('a reversal drops the remainder gathered the other way', () => {
        const wheel = new WheelAccumulator();
        assert.deepEqual(wheel.add(0, 40, 0, 0), []);
        assert.deepEqual(wheel.add(0, -40, 0, 10), []);
        assert.deepEqual(wheel.add(0, -20, 0, 20), [Button.WHEEL_UP]);
    });

    test('a pause forgets a partial step', () => {
        const wheel = new WheelAccumulator();
        assert.deepEqual(wheel.add(0, 40, 0, 0), []);
        assert.deepEqual(wheel.add(0, 40, 0, 5000), []);
    });

    test('a huge or broken delta is bounded', () => {
        const wheel = new WheelAccumulator();
        assert.equal(wheel.add(0, 1e12).length, 20);
        assert.deepEqual(wheel.add(NaN, Infinity), []);
    });
});

describe('TouchGestures', () => {
    const at = (x, y, id = 0) => ({ id, x, y });

    test('a tap is a left click where the finger was', () => {
        const touch = new TouchGestures();
        assert.deepEqual(touch.start([at(30, 40)]), []);
        assert.deepEqual(touch.move([at(32, 41)]), [], 'within the slop');
        assert.deepEqual(touch.end([]), [[30, 40, 0], [30, 40, Button.LEFT], [30, 40, 0]]);
    });

    test('a drag moves with the left button held and lets go at the end', () => {
        const touch = new TouchGestures();
        touch.start([at(10, 10)]);
        assert.deepEqual(touch.move([at(40, 10)]), [[10, 10, 0], [10, 10, Button.LEFT], [40, 10, Button.LEFT]]);
        assert.deepEqual(touch.move([at(50, 20)]), [[50, 20, Button.LEFT]]);
        assert.deepEqual(touch.end([]), [[50, 20, 0]]);
    });

    test('the slop is in CSS pixels: on a scaled-down canvas it is more framebuffer pixels', () => {
        const touch = new TouchGestures();
        touch.start([at(0, 0)], 2);
        assert.deepEqual(touch.move([at(15, 0)], 2), []);
        assert.equal(touch.move([at(25, 0)], 2).length, 3);
    });

    test('two fingers moved up scroll down, at the midpoint where they started', () => {
        const touch = new TouchGestures();
        touch.start([at(100, 300)]);
        touch.start([at(100, 300, 0), at(200, 300, 1)]);
        const out = touch.move([at(100, 200, 0), at(200, 200, 1)]);
        assert.deepEqual(out, [[150, 300, Button.WHEEL_DOWN], [150, 300, 0], [150, 300, Button.WHEEL_DOWN], [150, 300, 0]]);
        assert.deepEqual(touch.end([at(200, 200, 1)]), []);
        assert.deepEqual(touch.end([]), [], 'a scroll ends without a click');
    });

    test('a two-finger tap is a right click', () => {
        const touch = new TouchGestures();
        touch.start([at(100, 100, 0), at(120, 100, 1)]);
        assert.deepEqual(touch.end([]), [[110, 100, 0], [110, 100, Button.RIGHT], [110, 100, 0]]);
    });

    test('a cancelled touch clicks nothing', () => {
        const touch = new TouchGestures();
        touch.start([at(1, 1)]);
        assert.deepEqual(touch.end([], true), []);
    });
});
