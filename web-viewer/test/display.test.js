// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CanvasDisplay } from '../www/core/display/canvas-display.js';
import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { fakeCanvas, fakeScheduler } from '../test-support/fake-canvas.js';

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

    test('draws images with the decoder it was given, opaque, and fails them with the decoder\'s words', () => {
        const decoded = [];
        const display = new MemoryDisplay({
            decodeImage: (bytes, mimeType) => {
                decoded.push([Array.from(bytes), mimeType]);
                if (bytes[0] === 0) {
                    throw new Error('bad huffman table');
                }
                return { width: 2, height: 1, data: Uint8Array.of(1, 2, 3, 0, 4, 5, 6, 128) };
            },
        });
        display.resize(3, 2);
        const fail = (problem) => new Error(`the image ${problem}`);
        display.drawImage(1, 1, 2, 1, Uint8Array.of(7), 'image/png', fail);
        assert.deepEqual(decoded, [[[7], 'image/png']]);
        assert.deepEqual([display.pixel(1, 1), display.pixel(2, 1), display.pixel(0, 1)],
            [[1, 2, 3, 255], [4, 5, 6, 255], [0, 0, 0, 255]]);
        assert.throws(() => display.drawImage(0, 0, 2, 1, Uint8Array.of(0), 'image/jpeg', fail),
            { message: 'the image does not decode (bad huffman table)' });
        assert.throws(() => display.drawImage(0, 0, 1, 2, Uint8Array.of(7), 'image/jpeg', fail),
            { message: 'the image is 2x1' });
        assert.throws(() => display.drawImage(2, 0, 2, 1, Uint8Array.of(7), 'image/jpeg', fail), RangeError);
        assert.throws(() => new MemoryDisplay().drawImage(0, 0, 0, 0, Uint8Array.of(7), 'image/png', fail),
            /without an image decoder/);
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

function canvasDisplay() {
    const calls = [];
    const scheduler = fakeScheduler();
    const canvas = fakeCanvas(calls);
    const display = new CanvasDisplay(canvas, scheduler);
    return { calls, canvas, display, scheduler };
}

const drawingCalls = (calls) => calls.filter(([name]) => name !== 'fillStyle');

/** A CanvasDisplay whose createImageBitmap calls wait in `decodes` for the test to settle them. */
function imageDisplay() {
    const calls = [];
    const decodes = [];
    const frames = fakeScheduler();
    const display = new CanvasDisplay(fakeCanvas(calls), {
        ...frames,
        createImageBitmap: (blob, options) => new Promise((resolve, reject) => {
            const decode = { blob, type: blob.type, options, reject, bitmap: null };
            decode.resolve = (made) => {
                decode.bitmap = made;
                resolve(made);
            };
            decodes.push(decode);
        }),
    });
    schedulers.set(display, frames);
    return { calls, display, decodes };
}

const schedulers = new WeakMap();
const scheduler = (display) => schedulers.get(display);

/** What createImageBitmap gives: a source the fake context can name, with a size and close(). */
function bitmap(width, height, name = `bitmap ${width}x${height}`) {
    return { name, width, height, closed: false, close() { this.closed = true; } };
}

const failWith = (problem) => new Error(`the JPEG image ${problem}`);

/** Lets promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('CanvasDisplay', () => {
    test('draws a finished update at once, in order, and reports it drawn', () => {
        const { calls, display, scheduler } = canvasDisplay();
        display.resize(4, 4);
        display.putPixels(1, 1, 1, 1, Uint8ClampedArray.of(1, 2, 3, 255));
        display.copyRect(0, 0, 2, 2, 2, 2);
        display.fillRect(0, 3, 4, 1, [5, 6, 7]);
        assert.equal(calls.length, 0, 'nothing drawn before the update is complete');
        let drawn = 0;
        display.finishUpdate(() => drawn++);
        assert.equal(drawn, 1);
        assert.deepEqual(drawingCalls(calls).slice(-4), [
            ['putImageData', 1, 1, 1, 1, [1, 2, 3, 255]],
            ['drawImage', 'main onto temporary', 0, 0, 2, 2, 0, 0, 2, 2],
            ['drawImage', 'temporary onto main', 0, 0, 2, 2, 2, 2, 2, 2],
            ['fillRect', 0, 3, 4, 1],
        ]);
        assert.ok(calls.some((call) => call[0] === 'fillStyle' && call[1] === 'rgba(5,6,7,1)'));
        assert.equal(scheduler.frames.length, 1, 'a frame is asked for, to know when the next may draw');
        calls.length = 0;
        scheduler.runFrame();
        assert.deepEqual(calls, [], 'the frame draws nothing twice');
        assert.equal(scheduler.frames.length, 0, 'no frames while idle');
    });

    test('an update finished before the frame that shows the last one waits until that frame is rendered', () => {
        const { calls, display, scheduler } = canvasDisplay();
        display.resize(2, 1);
        display.finishUpdate(() => {});
        calls.length = 0;
        const drawn = [];
        display.fillRect(0, 0, 1, 1, [1, 1, 1]);
        display.finishUpdate(() => drawn.push('second'));
        display.fillRect(1, 0, 1, 1, [2, 2, 2]);
        display.finishUpdate(() => drawn.push('third'));
        assert.deepEqual([calls, drawn], [[], []]);
        scheduler.runFrame();
        assert.deepEqual([calls, drawn], [[], []], 'not in the frame that shows the first update');
        assert.equal(scheduler.tasks.length, 1);
        scheduler.runTasks();
        assert.deepEqual(drawingCalls(calls), [['fillRect', 0, 0, 1, 1], ['fillRect', 1, 0, 1, 1]]);
        assert.deepEqual(drawn, ['second', 'third'], 'both waiting updates in one draw');
        assert.equal(scheduler.frames.length, 1, 'and that draw holds the next frame again');
    });

    test('after a frame without a draw, the next update is drawn at once again', () => {
        const { display, scheduler } = canvasDisplay();
        display.resize(1, 1);
        display.finishUpdate(() => {});
        scheduler.runFrame();
        let drawn = 0;
        display.finishUpdate(() => drawn++);
        assert.equal(drawn, 1);
    });

    test('rows of an update still arriving are drawn at the next frame', () => {
        const { calls, display, scheduler } = canvasDisplay();
        display.resize(1, 2);
        display.finishUpdate(() => {});
        scheduler.runFrame();
        calls.length = 0;
        display.putPixels(0, 0, 1, 1, Uint8ClampedArray.of(1, 2, 3, 255));
        scheduler.runFrame();
        assert.deepEqual(drawingCalls(calls), [['putImageData', 1, 1, 0, 0, [1, 2, 3, 255]]]);
        display.putPixels(0, 1, 1, 1, Uint8ClampedArray.of(4, 5, 6, 255));
        let drawn = 0;
        display.finishUpdate(() => drawn++);
        assert.equal(drawn, 1, 'a draw inside a frame callback shows in that frame, so the rest may follow at once');
        assert.equal(drawingCalls(calls).length, 2);
    });

    test('without frames (a hidden tab) at most one update is drawn, so the server is asked for no more', () => {
        const { display } = canvasDisplay();
        display.resize(1, 1);
        let drawn = 0;
        for (let i = 0; i < 3; i++) {
            display.fillRect(0, 0, 1, 1, [i, i, i]);
            display.finishUpdate(() => drawn++);
        }
        assert.equal(drawn, 1);
    });

    test('CopyRect goes through one scratch canvas, grown to the largest copy', () => {
        const calls = [];
        const created = [];
        const canvas = fakeCanvas(calls);
        canvas.ownerDocument.createElement = () => {
            created.push(fakeCanvas(calls, 'scratch'));
            return created.at(-1);
        };
        const scheduler = fakeScheduler();
        const display = new CanvasDisplay(canvas, scheduler);
        display.resize(8, 8);
        display.finishUpdate(() => {});
        scheduler.runFrame();
        created.length = 0;
        display.copyRect(0, 0, 1, 1, 3, 2);
        display.copyRect(0, 0, 1, 1, 2, 5);
        display.finishUpdate(() => {});
        assert.equal(created.length, 1);
        assert.deepEqual([created[0].width, created[0].height], [3, 5]);
        assert.deepEqual(drawingCalls(calls).filter(([name]) => name === 'drawImage'), [
            ['drawImage', 'main onto scratch', 0, 0, 3, 2, 0, 0, 3, 2],
            ['drawImage', 'scratch onto main', 0, 0, 3, 2, 1, 1, 3, 2],
            ['drawImage', 'main onto scratch', 0, 0, 2, 5, 0, 0, 2, 5],
            ['drawImage', 'scratch onto main', 0, 0, 2, 5, 1, 1, 2, 5],
        ]);
    });

    test('resizing keeps what overlaps and blackens the rest', () => {
        const { calls, canvas, display, scheduler } = canvasDisplay();
        display.resize(2, 2);
        scheduler.runFrame();
        calls.length = 0;
        display.resize(3, 1);
        assert.equal(display.width, 3, 'the size changes at once for bounds checks');
        scheduler.runFrame();
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
        const canvas = fakeCanvas(calls);
        canvas.getContext().putImageData = () => {
            throw new Error('GPU lost');
        };
        const display = new CanvasDisplay(canvas, { ...fakeScheduler(), onError: (e) => errors.push(e.message) });
        display.resize(1, 1);
        display.putPixels(0, 0, 1, 1, new Uint8ClampedArray(4));
        let drawn = 0;
        display.finishUpdate(() => drawn++);
        assert.deepEqual(errors, ['GPU lost']);
        assert.equal(drawn, 1);
    });

    test('an image is drawn in its turn: what follows waits for it, and so does the update\'s callback', async () => {
        const { calls, display, decodes } = imageDisplay();
        display.resize(4, 4);
        display.finishUpdate(() => {});
        scheduler(display).runFrame();
        calls.length = 0;
        display.fillRect(0, 0, 4, 4, [1, 1, 1]);
        display.drawImage(1, 1, 2, 2, Uint8Array.of(0xff, 0xd8), 'image/jpeg', failWith);
        display.fillRect(0, 0, 1, 1, [2, 2, 2]);
        const drawn = [];
        display.finishUpdate((error) => drawn.push(error ?? 'drawn'));
        assert.deepEqual(drawingCalls(calls), [['fillRect', 0, 0, 4, 4]], 'drawn up to the image');
        assert.deepEqual(drawn, [], 'the update is not drawn while its image decodes');
        assert.equal(decodes.length, 1, 'the image decodes from the moment it is queued');
        assert.deepEqual([decodes[0].type, decodes[0].options], ['image/jpeg', { colorSpaceConversion: 'none' }]);
        assert.deepEqual(Array.from(new Uint8Array(await decodes[0].blob.arrayBuffer())), [0xff, 0xd8]);
        scheduler(display).runFrame();
        scheduler(display).runTasks();
        assert.equal(drawingCalls(calls).length, 1, 'frames and tasks do not draw past it');
        decodes[0].resolve(bitmap(2, 2));
        await settle();
        scheduler(display).runFrame();
        scheduler(display).runTasks();
        assert.deepEqual(drawingCalls(calls), [
            ['fillRect', 0, 0, 4, 4],
            ['drawImage', 'bitmap 2x2 onto main', 1, 1],
            ['fillRect', 0, 0, 1, 1],
        ]);
        assert.deepEqual(drawn, ['drawn']);
        assert.equal(decodes[0].bitmap.closed, true, 'the bitmap is released once drawn');
    });

    test('images decode side by side and are drawn in the order they came', async () => {
        const { calls, display, decodes } = imageDisplay();
        display.resize(4, 4);
        display.finishUpdate(() => {});
        scheduler(display).runFrame();
        display.drawImage(0, 0, 1, 1, Uint8Array.of(1), 'image/png', failWith);
        display.drawImage(1, 0, 1, 1, Uint8Array.of(2), 'image/png', failWith);
        const drawn = [];
        display.finishUpdate(() => drawn.push('drawn'));
        assert.equal(decodes.length, 2);
        decodes[1].resolve(bitmap(1, 1, 'second'));
        await settle();
        assert.deepEqual([drawingCalls(calls).filter(([name]) => name === 'drawImage'), drawn], [[], []]);
        decodes[0].resolve(bitmap(1, 1, 'first'));
        await settle();
        assert.deepEqual(drawingCalls(calls).filter(([name]) => name === 'drawImage').map((call) => call[1]),
            ['first onto main', 'second onto main']);
        assert.deepEqual(drawn, ['drawn'], 'a finished update waiting for its image is drawn as soon as it can be');
    });

    test('an image that does not decode, or decodes to another size, ends the session through the update', async () => {
        for (const [settleIt, problem] of [
            [(decode) => decode.reject(new Error('The source image could not be decoded.')),
                'does not decode (The source image could not be decoded.)'],
            [(decode) => decode.resolve(bitmap(3, 2)), 'is 3x2'],
        ]) {
            const { calls, display, decodes } = imageDisplay();
            display.resize(4, 4);
            display.finishUpdate(() => {});
            scheduler(display).runFrame();
            calls.length = 0;
            display.drawImage(0, 0, 2, 2, Uint8Array.of(1), 'image/jpeg', failWith);
            display.fillRect(0, 0, 1, 1, [2, 2, 2]);
            const drawn = [];
            display.finishUpdate((error) => drawn.push(error?.message ?? 'drawn'));
            settleIt(decodes[0]);
            await settle();
            assert.deepEqual(drawn, [`the JPEG image ${problem}`]);
            display.fillRect(0, 0, 1, 1, [3, 3, 3]);
            display.drawImage(0, 0, 2, 2, Uint8Array.of(1), 'image/jpeg', failWith);
            display.finishUpdate((error) => drawn.push(error?.message ?? 'drawn'));
            assert.equal(drawn.length, 2, 'a later update is told too');
            assert.deepEqual(drawingCalls(calls), [], 'and nothing after the image is drawn');
            assert.equal(decodes.length, 1, 'nor decoded');
            if (decodes[0].bitmap) {
                assert.equal(decodes[0].bitmap.closed, true);
            }
        }
    });

    test('the server cursor becomes the CSS cursor with its hot spot; 0x0 hides it', () => {
        const { canvas, display } = canvasDisplay();
        display.setCursor(new Uint8ClampedArray(16), 2, 2, 1, 0);
        assert.equal(canvas.style.cursor, 'url(data:image/png;base64,CURSOR) 1 0, default');
        display.setCursor(new Uint8ClampedArray(0), 0, 0, 0, 0);
        assert.equal(canvas.style.cursor, 'none');
    });

    test('a cursor with partial alpha is drawn with that alpha, straight, on a canvas that has alpha', () => {
        const { calls, canvas, display } = canvasDisplay();
        const rgba = Uint8ClampedArray.of(0x80, 0x40, 0x00, 0x80, 0xff, 0xff, 0xff, 0xff, 0x12, 0x34, 0x56, 0x00);
        display.setCursor(rgba, 3, 1, 1, 0);
        assert.deepEqual(calls, [['putImageData', 3, 1, 0, 0, Array.from(rgba)]]);
        assert.equal(canvas.created.length, 1);
        assert.notEqual(canvas.created[0].contextOptions?.alpha, false);
        assert.equal(canvas.style.cursor, 'url(data:image/png;base64,CURSOR) 1 0, default');
    });
});
