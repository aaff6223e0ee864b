// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CanvasDisplay } from '../www/core/display/canvas-display.js';
import { MemoryDisplay } from '../www/core/display/memory-display.js';

describe('MemoryDisplay', () => {
    test('starts black and opaque after resize, keeps the overlap on resize', () => {
        const display = new MemoryDisplay();
        display.resize(3, 2);
        assert.deepEqual(display.pixel(2, 1), [0, 0, 0, 255]);
        display.fillRect(0, 0, 3, 2, [9, 8, 7]);
        display.resize(2, 3);
        assert.deepEqual([display.pixel(1, 1), display.pixel(1, 2)], [[9, 8, 7, 255], [0, 0, 0, 255]]);
    });

    test('checks every rectangle where it writes', () => {
        const display = new MemoryDisplay();
        display.resize(4, 4);
        assert.throws(() => display.putPixels(3, 0, 2, 1, new Uint8ClampedArray(8)), RangeError);
        assert.throws(() => display.putPixels(0, 0, 1, 1, new Uint8ClampedArray(8)), RangeError);
        assert.throws(() => display.fillRect(-1, 0, 1, 1, [0, 0, 0]), RangeError);
        assert.throws(() => display.copyRect(0, 3, 0, 0, 1, 2), RangeError);
        assert.throws(() => display.copyRect(0, 0, 3.5, 0, 1, 1), RangeError);
        assert.throws(() => display.resize(16385, 1), RangeError);
    });

    test('holds finishUpdate callbacks until drawPending when autoDraw is off', () => {
        const display = new MemoryDisplay({ autoDraw: false });
        let drawn = 0;
        display.finishUpdate(() => drawn++);
        display.finishUpdate(() => drawn++);
        assert.equal(drawn, 0);
        assert.equal(display.pendingDraws, 2);
        display.drawPending();
        assert.equal(drawn, 2);
        assert.equal(display.pendingDraws, 0);
    });
});

/** A canvas and 2D context that record what is done to them. */
function fakeCanvas(calls, name = 'main') {
    const canvas = {
        name,
        width: 0,
        height: 0,
        style: {},
        ownerDocument: { createElement: () => fakeCanvas(calls, 'temporary') },
        getContext: () => context,
        toDataURL: () => 'data:image/png;base64,CURSOR',
    };
    const context = {
        set fillStyle(value) {
            calls.push(['fillStyle', value]);
        },
        fillRect: (...args) => calls.push(['fillRect', ...args]),
        putImageData: (image, x, y) => calls.push(['putImageData', image.width, image.height, x, y, Array.from(image.data)]),
        drawImage: (source, ...args) => calls.push(['drawImage', `${source.name} onto ${canvas.name}`, ...args]),
    };
    return canvas;
}

globalThis.ImageData ??= class ImageData {
    constructor(data, width, height) {
        if (data.length !== width * height * 4) {
            throw new RangeError('ImageData size');
        }
        this.data = data;
        this.width = width;
        this.height = height;
    }
};

function canvasDisplay() {
    const calls = [];
    const frames = [];
    const canvas = fakeCanvas(calls);
    const display = new CanvasDisplay(canvas, { requestFrame: (callback) => frames.push(callback) });
    const runFrame = () => frames.shift()();
    return { calls, frames, canvas, display, runFrame };
}

describe('CanvasDisplay', () => {
    test('draws nothing until the animation frame, then everything in order, once', () => {
        const { calls, frames, display, runFrame } = canvasDisplay();
        display.resize(4, 4);
        display.putPixels(1, 1, 1, 1, Uint8ClampedArray.of(1, 2, 3, 255));
        display.copyRect(0, 0, 2, 2, 2, 2);
        display.fillRect(0, 3, 4, 1, [5, 6, 7]);
        let drawn = 0;
        display.finishUpdate(() => drawn++);
        assert.equal(calls.length, 0);
        assert.equal(frames.length, 1, 'one frame for the whole update');
        assert.equal(drawn, 0);
        runFrame();
        assert.equal(drawn, 1);
        const drawing = calls.filter(([name]) => name !== 'fillStyle');
        assert.deepEqual(drawing.slice(-3), [
            ['putImageData', 1, 1, 1, 1, [1, 2, 3, 255]],
            ['drawImage', 'main onto main', 0, 0, 2, 2, 2, 2, 2, 2],
            ['fillRect', 0, 3, 4, 1],
        ]);
        assert.ok(calls.some((call) => call[0] === 'fillStyle' && call[1] === 'rgba(5,6,7,1)'));
        assert.equal(frames.length, 0, 'no frame when nothing is queued');
    });

    test('an update finished with nothing to draw still reports drawn at the next frame', () => {
        const { frames, display, runFrame } = canvasDisplay();
        let drawn = 0;
        display.finishUpdate(() => drawn++);
        assert.equal(frames.length, 1);
        runFrame();
        assert.equal(drawn, 1);
    });

    test('resizing keeps what overlaps and blackens the rest', () => {
        const { calls, canvas, display, runFrame } = canvasDisplay();
        display.resize(2, 2);
        runFrame();
        calls.length = 0;
        display.resize(3, 1);
        assert.equal(display.width, 3, 'the size changes at once for bounds checks');
        runFrame();
        assert.deepEqual([canvas.width, canvas.height], [3, 1]);
        assert.deepEqual(calls.map((call) => call[0]), ['drawImage', 'fillStyle', 'fillRect', 'drawImage']);
        assert.equal(calls[0][1], 'main onto temporary', 'the old picture is saved first');
        assert.equal(calls[3][1], 'temporary onto main', 'then drawn back');
    });

    test('checks rectangles when queued, against the size after queued resizes', () => {
        const { display } = canvasDisplay();
        display.resize(4, 4);
        assert.throws(() => display.putPixels(0, 0, 5, 1, new Uint8ClampedArray(20)), RangeError);
        assert.throws(() => display.copyRect(3, 3, 0, 0, 2, 2), RangeError);
        assert.throws(() => display.fillRect(0, 0, 1, 5, [0, 0, 0]), RangeError);
        assert.throws(() => display.putPixels(0, 0, 1, 1, new Uint8ClampedArray(3)), RangeError);
    });

    test('a failing drawing operation is reported and the update still counts as drawn', () => {
        const errors = [];
        const calls = [];
        const frames = [];
        const canvas = fakeCanvas(calls);
        canvas.getContext().putImageData = () => {
            throw new Error('GPU lost');
        };
        const display = new CanvasDisplay(canvas, { requestFrame: (f) => frames.push(f), onError: (e) => errors.push(e.message) });
        display.resize(1, 1);
        display.putPixels(0, 0, 1, 1, new Uint8ClampedArray(4));
        let drawn = 0;
        display.finishUpdate(() => drawn++);
        frames.shift()();
        assert.deepEqual(errors, ['GPU lost']);
        assert.equal(drawn, 1);
    });

    test('the server cursor becomes the CSS cursor with its hot spot; 0x0 hides it', () => {
        const { canvas, display } = canvasDisplay();
        display.setCursor(new Uint8ClampedArray(16), 2, 2, 1, 0);
        assert.equal(canvas.style.cursor, 'url(data:image/png;base64,CURSOR) 1 0, default');
        display.setCursor(new Uint8ClampedArray(0), 0, 0, 0, 0);
        assert.equal(canvas.style.cursor, 'none');
    });
});
