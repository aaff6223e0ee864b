// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canvasLayout, framebufferPoint } from '../www/app/canvas-layout.js';
import { readPageOptions } from '../www/app/page-options.js';
import { RESIZE_SETTLE_MS, RemoteResize, desktopSizeFor } from '../www/app/remote-resize.js';
import { RESIZE_CHOICES, ResizeMode, parseResizeMode, resizeModeFromLink } from '../www/app/resize-mode.js';
import { keysymsOfInput, keysymsOfText } from '../www/app/text-input.js';
import { XK } from '../www/core/input/keysyms.js';

describe('resize mode in the link', () => {
    test('resize=remote|scale|off, noVNC\'s words, in any case', () => {
        for (const [query, mode] of [['resize=remote', 'remote'], ['resize=scale', 'scale'], ['resize=off', 'off'],
            ['resize=Remote', 'remote'], ['resize=%20OFF%20', 'off'], ['', 'scale']]) {
            const options = readPageOptions(`http://h/?${query}`);
            assert.equal(options.resize, mode, query);
            assert.deepEqual(options.settingsRefused, [], query);
        }
    });

    test('without resize, the older scale=fit|none still works', () => {
        assert.equal(readPageOptions('http://h/?scale=fit').resize, 'scale');
        assert.equal(readPageOptions('http://h/?scale=none').resize, 'off');
        assert.equal(readPageOptions('http://h/?scale=NONE').resize, 'off');
    });

    test('resize wins over scale, even when resize is refused', () => {
        assert.equal(readPageOptions('http://h/?scale=none&resize=remote').resize, 'remote');
        assert.deepEqual(readPageOptions('http://h/?resize=remote&scale=bogus').settingsRefused, []);
        const refused = readPageOptions('http://h/?scale=none&resize=stretch');
        assert.equal(refused.resize, 'scale');
        assert.deepEqual(refused.settingsRefused, ["resize mode 'stretch' is not one of off, scale, remote"]);
    });

    test('a word that does not parse gives scale and is reported with the other refused settings', () => {
        const options = readPageOptions('http://h/?resize=fit&quality=10');
        assert.equal(options.resize, 'scale');
        assert.deepEqual(options.settingsRefused, [
            "resize mode 'fit' is not one of off, scale, remote",
            "quality '10' is not auto, lossless or 0..9",
        ]);
        assert.deepEqual(readPageOptions('http://h/?resize=').settingsRefused,
            ["resize mode '' is not one of off, scale, remote"]);
        assert.deepEqual(readPageOptions('http://h/?scale=1').settingsRefused,
            ["scale '1' is not fit or none (or use resize=off|scale|remote)"]);
        // Names an object has by inheritance are no words either.
        assert.deepEqual(resizeModeFromLink(null, 'constructor').mode, 'scale');
        assert.equal(resizeModeFromLink('toString', null).refused.length, 1);
    });

    test('the menu offers every mode once, by the words the link takes', () => {
        assert.deepEqual(RESIZE_CHOICES.map(([word]) => word).sort(), Object.values(ResizeMode).sort());
        for (const [word] of RESIZE_CHOICES) {
            assert.equal(parseResizeMode(word), word);
        }
        assert.throws(() => parseResizeMode('none'), RangeError);
    });
});

describe('desktop size for remote resize', () => {
    test('the box in device pixels, rounded down, so 1:1 on a HiDPI screen is sharp', () => {
        assert.deepEqual(desktopSizeFor({ width: 800, height: 450 }, 2), { width: 1600, height: 900 });
        assert.deepEqual(desktopSizeFor({ width: 800.6, height: 450.4 }, 1.5), { width: 1200, height: 675 });
        assert.deepEqual(desktopSizeFor({ width: 1024, height: 768 }, 1), { width: 1024, height: 768 });
    });

    test('a product a hair under a whole number keeps its pixel', () => {
        assert.equal(100 * 1.15 < 115, true, 'the float this guards against');
        assert.deepEqual(desktopSizeFor({ width: 100, height: 100 }, 1.15), { width: 115, height: 115 });
    });

    test('no box, no size; a ratio that makes no sense counts as 1', () => {
        assert.equal(desktopSizeFor({ width: 0, height: 600 }, 2), null);
        assert.equal(desktopSizeFor({ width: 800, height: 0.4 }, 2), null);
        assert.deepEqual(desktopSizeFor({ width: 640, height: 480 }, 0), { width: 640, height: 480 });
        assert.deepEqual(desktopSizeFor({ width: 640, height: 480 }, NaN), { width: 640, height: 480 });
    });
});

/** Timers the test runs by hand: `advance(ms)` fires what falls due, in order. */
function fakeTimers() {
    let now = 0;
    let nextId = 1;
    const pending = new Map();
    return {
        setTimer: (callback, ms) => {
            const id = nextId++;
            pending.set(id, { at: now + ms, callback });
            return id;
        },
        clearTimer: (id) => pending.delete(id),
        advance(ms) {
            const until = now + ms;
            for (;;) {
                const due = [...pending.entries()].filter(([, timer]) => timer.at <= until)
                    .sort(([, a], [, b]) => a.at - b.at)[0];
                if (due === undefined) {
                    break;
                }
                pending.delete(due[0]);
                now = due[1].at;
                due[1].callback();
            }
            now = until;
        },
        get pending() {
            return pending.size;
        },
    };
}

/** A RemoteResize over a container whose size the test sets, with what it asked for in `requests`. */
function remoteResize() {
    const timers = fakeTimers();
    const box = { width: 800, height: 450 };
    const requests = [];
    // A stand-in for the client, as the viewer gives it: requestDesktopSize is all it needs.
    const client = { requestDesktopSize: (width, height) => requests.push([width, height]) };
    const resize = new RemoteResize({
        measure: () => desktopSizeFor(box, 2),
        request: (width, height) => client.requestDesktopSize(width, height),
        setTimer: timers.setTimer,
        clearTimer: timers.clearTimer,
    });
    return { resize, timers, box, requests };
}

describe('RemoteResize', () => {
    test('asks at once when started, and nothing before', () => {
        const { resize, timers, requests } = remoteResize();
        resize.changed();
        timers.advance(1000);
        assert.deepEqual(requests, []);
        assert.equal(resize.active, false);
        resize.start();
        assert.deepEqual(requests, [[1600, 900]]);
        assert.equal(resize.active, true);
    });

    test('while the container keeps changing, asks only once it has kept a size for the settle time', () => {
        const { resize, timers, box, requests } = remoteResize();
        resize.start();
        for (const width of [810, 820, 830, 840]) {
            box.width = width;
            resize.changed();
            timers.advance(RESIZE_SETTLE_MS - 50);
        }
        assert.deepEqual(requests, [[1600, 900]], 'nothing while dragging');
        timers.advance(50);
        assert.deepEqual(requests, [[1600, 900], [1680, 900]], 'the size where the drag stopped');
        assert.equal(timers.pending, 0);
    });

    test('several signals of one change, or a change back, cost no second request', () => {
        const { resize, timers, box, requests } = remoteResize();
        resize.start();
        resize.changed();
        resize.changed();
        timers.advance(RESIZE_SETTLE_MS);
        assert.deepEqual(requests, [[1600, 900]]);
        box.height = 500;
        resize.changed();
        box.height = 450;
        resize.changed();
        timers.advance(RESIZE_SETTLE_MS);
        assert.deepEqual(requests, [[1600, 900]]);
    });

    test('stop() drops a pending request; a new start() asks again even for the same size', () => {
        const { resize, timers, box, requests } = remoteResize();
        resize.start();
        box.width = 900;
        resize.changed();
        resize.stop();
        timers.advance(RESIZE_SETTLE_MS * 4);
        assert.deepEqual(requests, [[1600, 900]]);
        resize.start();
        resize.start();
        assert.deepEqual(requests, [[1600, 900], [1800, 900], [1800, 900]], 'each session hears the size');
    });

    test('an empty container asks for nothing', () => {
        const { resize, box, requests } = remoteResize();
        box.width = 0;
        resize.start();
        assert.deepEqual(requests, []);
    });
});

describe('canvas layout', () => {
    const layout = (mode, width, height, box, devicePixelRatio) => canvasLayout({ mode, width, height, box, devicePixelRatio });

    test('off: one remote pixel per device pixel, at the top left, whatever the container', () => {
        assert.deepEqual(layout('off', 1001, 600, { width: 100, height: 100 }, 2),
            { width: 500.5, height: 300, scale: 1, pixelated: true, centred: false });
        assert.deepEqual(layout('off', 1024, 768, { width: 0, height: 0 }, 1),
            { width: 1024, height: 768, scale: 1, pixelated: true, centred: false });
        const third = layout('off', 1000, 600, { width: 0, height: 0 }, 1.5);
        assert.equal(third.width * 1.5, 1000);
    });

    test('scale: fits the container up or down, in whole device pixels, smoothed unless the factor is whole', () => {
        const down = layout('scale', 1920, 1080, { width: 800, height: 450 }, 2);
        assert.deepEqual(down, { width: 800, height: 450, scale: 1600 / 1920, pixelated: false, centred: true });
        const up = layout('scale', 800, 450, { width: 800, height: 450 }, 2);
        assert.deepEqual(up, { width: 800, height: 450, scale: 2, pixelated: true, centred: true });
        const odd = layout('scale', 1000, 1000, { width: 333.3, height: 999 }, 1.5);
        assert.equal(Number.isInteger(odd.width * 1.5), true, 'whole device pixels');
        assert.equal(odd.width * 1.5, 499);
        assert.equal(odd.pixelated, false);
        assert.equal(layout('scale', 1000, 1000, { width: 1.6, height: 1 }, 1.25).width, 1 / 1.25, 'never 0 pixels');
        assert.equal(layout('scale', 100, 100, { width: 115, height: 500 }, 1).width, 115, 'an exact fit keeps its pixel');
    });

    test('remote: 1:1 while the desktop fits, scaled down (never up) while it does not', () => {
        assert.deepEqual(layout('remote', 1600, 900, { width: 800, height: 450 }, 2),
            { width: 800, height: 450, scale: 1, pixelated: true, centred: true }, 'the server took the size');
        assert.deepEqual(layout('remote', 1024, 768, { width: 800, height: 450 }, 2),
            { width: 512, height: 384, scale: 1, pixelated: true, centred: true }, 'not resized yet, smaller');
        const larger = layout('remote', 3200, 900, { width: 800, height: 450 }, 2);
        assert.deepEqual(larger, { width: 800, height: 225, scale: 0.5, pixelated: false, centred: true });
    });

    test('nothing to lay out without a framebuffer, or a container to fit into', () => {
        assert.equal(layout('scale', 0, 0, { width: 800, height: 600 }, 1), null);
        assert.equal(layout('scale', 800, 600, { width: 0, height: 600 }, 1), null);
        assert.equal(layout('remote', 800, 600, { width: 800, height: 0 }, 1), null);
        assert.deepEqual(layout('off', 800, 600, { width: 0, height: 0 }, undefined).width, 800, 'no ratio counts as 1');
    });

    test('pointer coordinates at device pixel ratio 2 land on the remote pixel under them', () => {
        // 1:1 at ratio 2: the canvas is 960x540 CSS pixels for a 1920x1080 desktop.
        const shown = layout('off', 1920, 1080, { width: 0, height: 0 }, 2);
        const rect = { left: 10, top: 40, width: shown.width, height: shown.height };
        assert.deepEqual(framebufferPoint(rect, 1920, 1080, 10, 40), { x: 0, y: 0, scale: 2 });
        assert.deepEqual(framebufferPoint(rect, 1920, 1080, 10.5, 40.5), { x: 1, y: 1, scale: 2 }, 'a device pixel in');
        assert.deepEqual(framebufferPoint(rect, 1920, 1080, 10 + 959.75, 40 + 539.75), { x: 1919, y: 1079, scale: 2 });
        // Scaled to fit at ratio 2: 1920 remote pixels over 800 CSS pixels.
        const fitted = layout('scale', 1920, 1080, { width: 800, height: 450 }, 2);
        const fitRect = { left: 0, top: 0, width: fitted.width, height: fitted.height };
        assert.deepEqual(framebufferPoint(fitRect, 1920, 1080, 400, 225), { x: 960, y: 540, scale: 2.4 });
    });
});

describe('hidden text field', () => {
    test('input events stand for keysyms', () => {
        assert.deepEqual(keysymsOfInput('deleteContentBackward', null), [XK.BackSpace]);
        assert.deepEqual(keysymsOfInput('insertLineBreak', null), [XK.Return]);
        assert.deepEqual(keysymsOfInput('insertText', 'aé€'), [0x61, 0xe9, 0x01000000 + 0x20ac]);
        assert.deepEqual(keysymsOfInput('insertText', null), []);
        assert.deepEqual(keysymsOfText('a\nb\u0007'), [0x61, XK.Return, 0x62], 'a bell character has no key');
    });
});
