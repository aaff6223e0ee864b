// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CanvasDisplay } from '../www/core/display/canvas-display.js';
import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { EncodingPreferences } from '../www/core/encoding-preferences.js';
import { Encoding } from '../www/core/encodings.js';
import { MIN_SAMPLE_BYTES } from '../www/core/link-estimate.js';
import { XK } from '../www/core/input/keysyms.js';
import { MAX_UNFED_BYTES } from '../www/core/rfb-client.js';
import { RfbConnection } from '../www/core/rfb-connection.js';
import { CHUNKINGS, concat } from '../test-support/chunking.js';
import { SET_ENCODINGS, ascii, sessionStart, setEncodings, updateRequest } from '../test-support/client-bytes.js';
import { fakeCanvas, fakeScheduler } from '../test-support/fake-canvas.js';
import {
    bell, copyRect, framebufferUpdate, handshake38None, rawRect, rectHeader, serverCutText, u16, u32, u8,
} from '../test-support/server-messages.js';
import { newSession } from '../test-support/session.js';

/** A session past the handshake on a width x height framebuffer, with the handshake's bytes forgotten. */
function connected(width = 16, height = 12, options = {}) {
    const session = newSession(options);
    session.transport.serverSends(handshake38None(width, height, 'desk'));
    assert.equal(session.client.connected, true);
    session.transport.takeSent();
    session.events.length = 0;
    return session;
}

function solid(width, height, rgb) {
    return Array.from({ length: width * height }, () => rgb);
}

/** The start of a width x height JPEG: as far as the header check reads (a fake decoder does the rest). */
function jpegHeader(width, height) {
    return concat(u8(0xff, 0xd8, 0xff, 0xc0), u16(11), u8(8), u16(height), u16(width), u8(1, 1, 0x11, 0));
}

/** A Tight JPEG rectangle (compression control 0x90, a one-byte compact length). */
function tightJpeg(x, y, width, height) {
    const image = jpegHeader(width, height);
    return concat(rectHeader(x, y, width, height, 7), u8(0x90, image.length), image);
}

/** One update with every kind of rectangle, then a bell; the picture it leaves is known. */
const MIXED_STREAM = concat(
    framebufferUpdate([
        rawRect(0, 0, 16, 12, solid(16, 12, [10, 20, 30])),
        rawRect(2, 3, 4, 2, [[1, 1, 1], [2, 2, 2], [3, 3, 3], [4, 4, 4], [5, 5, 5], [6, 6, 6], [7, 7, 7], [8, 8, 8]]),
        copyRect(10, 8, 4, 2, 2, 3),
        concat(rectHeader(0, 0, 1, 1, -239), Uint8Array.of(9, 9, 9, 0), Uint8Array.of(0x80)),
    ]),
    bell(),
);

describe('a session', () => {
    const pictures = [];
    for (const chunking of CHUNKINGS) {
        test(`draws the same pixels and sends the same bytes ${chunking.name}`, () => {
            const session = connected();
            session.transport.serverSends(MIXED_STREAM, chunking.split);
            assert.deepEqual(session.eventsOf('error'), []);
            assert.deepEqual(session.eventTypes(), ['cursor', 'bell']);
            assert.deepEqual(session.display.pixel(3, 3), [2, 2, 2, 255]);
            assert.deepEqual(session.display.pixel(11, 9), [6, 6, 6, 255], 'copied');
            assert.deepEqual(session.display.pixel(0, 0), [10, 20, 30, 255]);
            assert.deepEqual(Array.from(session.transport.sentBytes()), updateRequest(true, 16, 12));
            assert.deepEqual(session.client.stats.updates, 1);
            assert.deepEqual(session.client.stats.rectangles, 4);
            pictures.push(session.display.data);
            if (pictures.length > 1) {
                assert.deepEqual(session.display.data, pictures[0]);
            }
        });
    }

    for (const chunking of CHUNKINGS) {
        test(`asks for the next update as soon as one is decoded, and decodes it once the display drew the last, ${chunking.name}`, () => {
            const session = connected(16, 12, { autoDraw: false });
            session.transport.serverSends(concat(framebufferUpdate([rawRect(0, 0, 1, 1, [[1, 2, 3]])]),
                framebufferUpdate([rawRect(1, 0, 1, 1, [[4, 5, 6]])]), bell()), chunking.split);
            assert.equal(session.display.updatesFinished, 1, 'the second update waits for the display');
            assert.deepEqual(session.display.pixel(1, 0), [0, 0, 0, 255], 'not drawn yet');
            assert.deepEqual(session.eventTypes(), [], 'nor what follows it');
            assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12),
                'the next update asked for while the display draws this one');
            session.display.drawPending();
            assert.equal(session.display.updatesFinished, 2);
            assert.deepEqual(session.display.pixel(1, 0), [4, 5, 6, 255]);
            assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12), 'and the one after it');
            session.display.drawPending();
            assert.equal(session.transport.sent.length, 0, 'one request outstanding at a time');
            // Bytes not yet handed over when the second update ended wait until it is drawn, as in the Java client.
            assert.deepEqual(session.eventTypes(), ['bell']);
            assert.equal(session.client.connected, true);
        });
    }

    test('on a canvas, asks for the next update as soon as one is decoded, and draws one update per frame', () => {
        const scheduler = fakeScheduler();
        const calls = [];
        const session = connected(16, 12, { display: new CanvasDisplay(fakeCanvas(calls), scheduler) });
        const update = (rgb) => framebufferUpdate([rawRect(0, 0, 1, 1, [rgb])]);
        const putCount = () => calls.filter(([name]) => name === 'putImageData').length;

        session.transport.serverSends(update([1, 2, 3]));
        assert.equal(putCount(), 1, 'drawn without waiting for a frame');
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12), 'and the next asked for at once');

        session.transport.serverSends(update([4, 5, 6]));
        assert.equal(putCount(), 1, 'the next frame shows the first update: the second waits for the one after');
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12),
            'decoded, so the third is asked for while the second waits');
        session.transport.serverSends(update([7, 8, 9]));
        assert.equal(session.client.stats.updates, 2, 'the third is held back until the second is drawn');
        scheduler.runFrame();
        assert.equal(putCount(), 1, 'the frame that shows the first update does not draw the second');
        assert.equal(session.transport.sent.length, 0, 'so nothing is asked for yet');
        scheduler.runTasks();
        assert.equal(putCount(), 2);
        assert.equal(session.client.stats.updates, 3, 'drawn, the second lets the third be decoded');
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12));
    });

    test('on a canvas, an update with a Tight JPEG counts as drawn, and the next is asked for, once the image is', async () => {
        const scheduler = fakeScheduler();
        const calls = [];
        const decodes = [];
        const display = new CanvasDisplay(fakeCanvas(calls), {
            ...scheduler,
            createImageBitmap: (blob) => new Promise((resolve, reject) => decodes.push({ blob, resolve, reject })),
        });
        const session = connected(16, 12, { display, encodings: [7, 0] });
        scheduler.runFrame();
        session.transport.serverSends(framebufferUpdate([tightJpeg(1, 2, 3, 2), rawRect(0, 0, 1, 1, [[1, 2, 3]])]));
        assert.equal(decodes.length, 1);
        assert.equal(decodes[0].blob.type, 'image/jpeg');
        assert.deepEqual(Array.from(new Uint8Array(await decodes[0].blob.arrayBuffer())), Array.from(jpegHeader(3, 2)));
        assert.equal(calls.filter(([name]) => name === 'putImageData').length, 0, 'the Raw rectangle waits for the image');
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12),
            'the next update asked for while the image decodes');
        session.transport.serverSends(framebufferUpdate([rawRect(2, 0, 1, 1, [[4, 5, 6]])]));
        assert.equal(session.client.stats.updates, 1, 'but not decoded until the image is drawn');
        decodes[0].resolve({ name: 'bitmap', width: 3, height: 2, close() {} });
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(calls.filter(([name]) => name === 'drawImage' || name === 'putImageData').map((call) => call.slice(0, 2)),
            [['drawImage', 'bitmap onto main'], ['putImageData', 1]]);
        assert.equal(session.client.stats.updates, 2);
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12));
        assert.equal(session.client.connected, true);
    });

    test('on a canvas, a JPEG that does not decode ends the session with bad-encoding-data', async () => {
        const scheduler = fakeScheduler();
        const display = new CanvasDisplay(fakeCanvas([]), {
            ...scheduler,
            createImageBitmap: () => Promise.reject(new Error('The source image could not be decoded.')),
        });
        const session = connected(16, 12, { display, encodings: [7] });
        session.transport.serverSends(framebufferUpdate([tightJpeg(1, 2, 3, 2)]));
        assert.equal(session.client.connected, true, 'decoding takes a while');
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12), 'the next asked for meanwhile');
        await new Promise((resolve) => setImmediate(resolve));
        const message = 'protocol error: Tight rectangle 3x2+1+2: the JPEG image does not decode ' +
            '(The source image could not be decoded.)';
        assert.deepEqual(session.eventsOf('disconnect'), [{ clean: false, reason: message, code: 'bad-encoding-data' }]);
        assert.equal(session.transport.closed, true);
        assert.equal(session.transport.sent.length, 0, 'and nothing more is asked for');
    });

    test('updates the server sends unasked are decoded one per drawn update, each taken as the answer', () => {
        const session = connected(16, 12, { autoDraw: false });
        session.transport.serverSends(concat(framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]), framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]), framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])])));
        assert.equal(session.display.pendingDraws, 1);
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12));
        session.display.drawPending();
        assert.equal(session.display.pendingDraws, 1);
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12), 'one ahead, never more');
        session.display.drawPending();
        session.display.drawPending();
        assert.equal(session.display.updatesFinished, 3);
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12));
    });

    test('a resize in an update makes the next request one for the whole new screen', () => {
        const session = connected(16, 12);
        session.transport.serverSends(framebufferUpdate([rectHeader(0, 0, 40, 30, -223), rawRect(39, 29, 1, 1, [[5, 5, 5]])]));
        assert.deepEqual(session.eventsOf('resize'), [{ width: 40, height: 30 }]);
        assert.deepEqual([session.client.width, session.client.height], [40, 30]);
        assert.deepEqual(session.display.pixel(39, 29), [5, 5, 5, 255]);
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(false, 40, 30));
    });

    test('LastRect ends an update that announced 0xffff rectangles', () => {
        const session = connected();
        session.transport.serverSends(concat(
            framebufferUpdate([rawRect(0, 0, 1, 1, [[7, 7, 7]]), rectHeader(0, 0, 0, 0, -224)], 0xffff),
            bell()));
        assert.deepEqual(session.eventTypes(), ['bell']);
        assert.equal(session.client.stats.updates, 1);
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12));
    });

    for (const chunking of CHUNKINGS.slice(0, 3)) {
        test(`server clipboard arrives as Latin-1 text, ${chunking.name}`, () => {
            const session = connected();
            session.transport.serverSends(serverCutText(Uint8Array.of(0x68, 0xe9, 0x0a, 0x21)), chunking.split);
            assert.deepEqual(session.eventsOf('clipboard'), [{ text: 'hé\n!' }]);
        });
    }

    test('server clipboard over the limit is skipped, and what follows is read', () => {
        const session = connected(16, 12, { maxCutText: 10 });
        session.transport.serverSends(concat(serverCutText(new Uint8Array(11).fill(0x41)), serverCutText(Uint8Array.of(0x42)), bell()),
            CHUNKINGS[2].split);
        assert.deepEqual(session.eventsOf('clipboard'), [{ text: 'B' }]);
        assert.equal(session.eventsOf('bell').length, 1);
    });

    test('SetColourMapEntries in true colour changes nothing', () => {
        const session = connected();
        session.transport.serverSends(concat(u8(1, 0), u16(0), u16(2), new Uint8Array(12), bell()), CHUNKINGS[1].split);
        assert.deepEqual(session.eventTypes(), ['bell']);
        assert.equal(session.client.connected, true);
    });
});

describe('the connection (the Java twin\'s ServerMessagesTest cases)', () => {
    /**
     * The Java core's Feeder without acknowledging: every byte handed to the connection as the
     * chunking cuts them, stepping until starved after each chunk.
     */
    function feed(bytes, chunking) {
        const display = new MemoryDisplay();
        const events = [];
        const connection = new RfbConnection({
            display,
            events: {
                onHandshakeComplete: (info) => events.push(`handshake ${info.width}x${info.height}`),
                onFramebufferUpdate: () => events.push('update'),
                onBell: () => events.push('bell'),
                onServerCutText: (text) => events.push(`cut ${text}`),
            },
        });
        const sent = [];
        const more = (piece) => {
            connection.receive(piece.slice());
            while (connection.step()) {
                // until starved
            }
            sent.push(connection.takeOutput());
        };
        chunking.split(bytes).forEach(more);
        return { connection, display, events, more, sent: () => Array.from(concat(sent)) };
    }

    test('the next request goes out at once, but the next update waits for the consumer', () => {
        const server = concat(handshake38None(2, 1, ''), framebufferUpdate([rawRect(0, 0, 1, 1, [[255, 0, 0]])]),
            framebufferUpdate([rawRect(1, 0, 1, 1, [[0, 255, 0]])]));
        for (const chunking of CHUNKINGS) {
            const r = feed(server, chunking);
            assert.deepEqual(r.events, ['handshake 2x1', 'update'], `${chunking.name}: the second update waits for the consumer`);
            assert.equal(r.connection.holdsBack(), true);
            assert.deepEqual(r.sent(), [...ascii('RFB 003.008\n'), 1, 1, ...sessionStart(2, 1), ...updateRequest(true, 2, 1)],
                `${chunking.name}: the next update asked for while the consumer draws this one`);
            assert.deepEqual(r.display.pixel(1, 0), [0, 0, 0, 255], 'not painted yet');
            r.connection.updateConsumed();
            assert.equal(r.connection.holdsBack(), false);
            while (r.connection.step()) {
                // the held update
            }
            assert.deepEqual(r.display.pixel(1, 0), [0, 255, 0, 255]);
            assert.deepEqual(Array.from(r.connection.takeOutput()), updateRequest(true, 2, 1), 'and the one after it');
            r.connection.updateConsumed();
            assert.deepEqual(Array.from(r.connection.takeOutput()), [], 'one request outstanding at a time');
        }
    });

    test('only a FramebufferUpdate is held: other messages given after an update are read at once', () => {
        for (const chunking of CHUNKINGS) {
            const r = feed(concat(handshake38None(2, 1, ''), framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]), bell(), serverCutText(Uint8Array.of(0x78)),
                framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]), bell()), chunking);
            assert.deepEqual(r.events, ['handshake 2x1', 'update', 'bell', 'cut x'], chunking.name);
            assert.equal(r.connection.holdsBack(), true);
            r.more(bell());
            assert.deepEqual(r.events.length, 4, 'the second bell waits behind the held update');
            r.connection.updateConsumed();
            r.more(new Uint8Array(0));
            assert.deepEqual(r.events.slice(4), ['update', 'bell', 'bell']);
        }
    });

    test('a Fence behind an update is read and answered while the update after it waits for the consumer', () => {
        const r = feed(concat(handshake38None(2, 1, ''), framebufferUpdate([rawRect(0, 0, 1, 1, [[255, 0, 0]])])),
            CHUNKINGS[0]);
        r.connection.takeOutput();
        assert.equal(r.connection.holdsBack(), false, 'nothing buffered: reading goes on, a fence may come');
        r.connection.receive(Uint8Array.of(0xf8, 0, 0, 0, 0x80, 0, 0, 0, 1, 7));
        while (r.connection.step()) {
            // the fence
        }
        assert.deepEqual(Array.from(r.connection.takeOutput()), [0xf8, 0, 0, 0, 0, 0, 0, 0, 1, 7],
            'answered before the consumer drew');
        assert.equal(r.connection.holdsBack(), false);
        r.connection.receive(framebufferUpdate([rawRect(1, 0, 1, 1, [[0, 255, 0]])]));
        assert.equal(r.connection.step(), false, 'the next update waits');
        assert.equal(r.connection.holdsBack(), true, 'and reading stops behind it');
        assert.deepEqual(r.display.pixel(1, 0), [0, 0, 0, 255], 'not painted yet');
    });
});

describe('render backpressure', () => {
    test('bytes wait unfed while the display draws, and a server sending more than 64 MiB meanwhile is ended', () => {
        const session = connected(16, 12, { autoDraw: false });
        session.transport.serverSends(framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]));
        session.transport.takeSent();
        // An update the viewer did not ask for: it is held back, and so is everything after it. The
        // chunk holding its start is the connection's (what comes first might have been a Fence to
        // answer); the rest waits unfed.
        const mib = new Uint8Array(1 << 20);
        const unasked = framebufferUpdate([rawRect(0, 0, 1, 1, [[1, 1, 1]])], 2);
        session.transport.serverSends(concat(unasked, mib.subarray(unasked.length)));
        for (let i = 0; i < MAX_UNFED_BYTES >> 20; i++) {
            session.transport.serverSends(mib);
        }
        assert.equal(MAX_UNFED_BYTES, 64 * 1024 * 1024);
        assert.equal(session.client.connected, true, 'exactly 64 MiB may wait');
        assert.equal(session.client.stats.updates, 1);
        session.transport.serverSends(Uint8Array.of(0));
        const message = 'protocol error: the server sent more than the viewer asked for while it was drawing ' +
            '(over 64 MiB waiting)';
        assert.deepEqual(session.eventsOf('error').map((e) => [e.code, e.kind, e.message]),
            [['length-over-limit', 'protocol', message]]);
        assert.deepEqual(session.eventsOf('disconnect'), [{ clean: false, reason: message, code: 'length-over-limit' }]);
        assert.equal(session.transport.closed, true);
        session.display.drawPending();
        assert.equal(session.client.stats.updates, 1, 'nothing decoded after the end');
        assert.equal(session.transport.sent.length, 0);
    });

    test('what was held back is decoded once the display has drawn, in order, and then the end of the stream', () => {
        const session = connected(16, 12, { autoDraw: false });
        session.transport.serverSends(framebufferUpdate([rawRect(0, 0, 1, 1, [[1, 1, 1]])]));
        session.transport.serverSends(concat(framebufferUpdate([rawRect(0, 0, 1, 1, [[2, 2, 2]])]), bell()));
        session.transport.serverSends(framebufferUpdate([rawRect(0, 0, 1, 1, [[3, 3, 3]])]));
        session.transport.serverCloses('target closed');
        assert.equal(session.client.connected, true, 'the end waits behind the updates before it');
        assert.deepEqual(session.eventTypes(), []);
        session.display.drawPending();
        assert.deepEqual(session.display.pixel(0, 0), [2, 2, 2, 255]);
        assert.deepEqual(session.eventTypes(), ['bell']);
        session.display.drawPending();
        assert.deepEqual(session.display.pixel(0, 0), [3, 3, 3, 255]);
        assert.equal(session.client.connected, true);
        session.display.drawPending();
        assert.deepEqual(session.eventTypes(), ['bell', 'disconnect']);
        assert.deepEqual(session.eventsOf('disconnect'),
            [{ clean: false, reason: 'the server closed the connection (target closed)', code: 'end-of-stream' }]);
        assert.equal(session.client.stats.updates, 3);
        assert.equal(session.transport.sent.length, 1, 'the request after the first update; nothing once the transport had closed');
    });

    test('the link is timed by when the bytes arrived, not by when the display let them be decoded', () => {
        const clock = { t: 0 };
        const session = newSession({ autoDraw: false, now: () => clock.t });
        session.transport.serverSends(handshake38None(64, 64, 'desk'));
        clock.t += 50;
        session.transport.serverSends(framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]));
        const update = framebufferUpdate([rawRect(0, 0, 64, 64, solid(64, 64, [9, 8, 7]))]);
        clock.t += 50;
        session.transport.serverSends(update.subarray(0, 16));
        clock.t += 262.144;
        session.transport.serverSends(update.subarray(16));
        clock.t += 5000;
        session.display.drawPending();
        assert.equal(session.client.stats.updates, 2);
        assert.equal(session.client.link.describe(), '0.5 Mbit/s, 50 ms');
    });
});

describe('input', () => {
    test('keys, pointer and clipboard are sent as their exact messages', () => {
        const session = connected(16, 12);
        session.client.sendKey(0x61, true);
        session.client.sendKey(0x61, false);
        session.client.sendPointer(5, 6, 1);
        session.client.sendClipboard('hi');
        assert.deepEqual(Array.from(session.transport.takeSent()), [
            4, 1, 0, 0, 0, 0, 0, 0x61,
            4, 0, 0, 0, 0, 0, 0, 0x61,
            5, 1, 0, 5, 0, 6,
            6, 0, 0, 0, 0, 0, 0, 2, 0x68, 0x69,
        ]);
    });

    test('the pointer is clamped into the framebuffer', () => {
        const session = connected(16, 12);
        session.client.sendPointer(-4, 900.6, 0);
        assert.deepEqual(Array.from(session.transport.takeSent()), [5, 0, 0, 0, 0, 11]);
    });

    test('Ctrl+Alt+Del presses in order and releases in reverse', () => {
        const session = connected();
        session.client.sendKeys([XK.Control_L, XK.Alt_L, XK.Delete]);
        const sent = session.transport.takeSent();
        const events = [];
        for (let i = 0; i < sent.length; i += 8) {
            events.push([sent[i + 1], (sent[i + 6] << 8) | sent[i + 7]]);
        }
        assert.deepEqual(events, [[1, 0xffe3], [1, 0xffe9], [1, 0xffff], [0, 0xffff], [0, 0xffe9], [0, 0xffe3]]);
    });

    test('view-only sends nothing, and neither does a session not yet connected', () => {
        const session = connected(16, 12, { viewOnly: true });
        session.client.sendKey(0x61, true);
        session.client.sendPointer(1, 1, 1);
        session.client.sendClipboard('x');
        assert.equal(session.transport.sent.length, 0);
        session.client.viewOnly = false;
        session.client.sendKey(0x61, true);
        assert.equal(session.transport.sent.length, 1);

        const early = newSession();
        early.client.sendKey(0x61, true);
        early.client.sendPointer(1, 1, 1);
        assert.equal(early.transport.sent.length, 0);
    });

    test('refresh asks for the whole screen again', () => {
        const session = connected(16, 12);
        session.client.refresh();
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(false, 16, 12));
    });
});

describe('ending a session', () => {
    test('disconnect() is clean, closes the transport and ignores what comes after', () => {
        const session = connected();
        session.client.disconnect();
        session.client.disconnect();
        assert.deepEqual(session.eventsOf('disconnect'), [{ clean: true, reason: 'disconnected' }]);
        assert.equal(session.transport.closed, true);
        assert.equal(session.client.closed, true);
        session.client.sendKey(0x61, true);
        assert.equal(session.transport.sent.length, 0);
    });

    test('the server going away is an unclean disconnect with the reason', () => {
        const session = connected();
        session.transport.serverCloses('target closed');
        assert.deepEqual(session.eventsOf('disconnect'), [{ clean: false, reason: 'the server closed the connection (target closed)', code: 'end-of-stream' }]);
    });

    test('a failing send ends the session instead of throwing at the caller', () => {
        const session = connected();
        session.transport.send = () => {
            throw new Error('socket gone');
        };
        assert.doesNotThrow(() => session.client.sendKey(0x61, true));
        assert.deepEqual(session.eventsOf('error').map((e) => [e.kind, e.message]), [['transport', 'sending failed: socket gone']]);
        assert.equal(session.eventsOf('disconnect').length, 1);
    });

    test('a listener that throws does not break the protocol', () => {
        const session = connected();
        session.client.on('bell', () => {
            throw new Error('page bug');
        });
        session.transport.serverSends(concat(bell(), bell(), framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])])));
        assert.equal(session.eventsOf('bell').length, 2);
        assert.equal(session.client.connected, true);
        assert.equal(session.logger.lines.filter((line) => line.level === 'error').length, 2);
    });

    test('a listener may disconnect from inside an event', () => {
        const session = connected();
        session.client.on('bell', () => session.client.disconnect());
        session.transport.serverSends(concat(bell(), bell(), u32(0xdeadbeef)));
        assert.equal(session.eventsOf('bell').length, 1);
        assert.deepEqual(session.eventsOf('error'), []);
        assert.deepEqual(session.eventsOf('disconnect'), [{ clean: true, reason: 'disconnected' }]);
    });
});

describe('handshake deadline', () => {
    test('a server that accepts and stalls is given up on with a timeout', async () => {
        const session = newSession({ handshakeTimeout: 30 });
        session.transport.serverSends(Uint8Array.from(Buffer.from('RFB 003.008\n')));
        await new Promise((resolve) => setTimeout(resolve, 80));
        assert.deepEqual(session.eventsOf('error').map((e) => [e.code, e.message]),
            [['timeout', 'the server did not complete the handshake within 30 ms']]);
        assert.equal(session.transport.closed, true);
    });

    test('the deadline is off once connected', async () => {
        const session = newSession({ handshakeTimeout: 30 });
        session.transport.serverSends(handshake38None(4, 4, 'desk'));
        await new Promise((resolve) => setTimeout(resolve, 80));
        assert.equal(session.client.connected, true);
        assert.deepEqual(session.eventsOf('error'), []);
    });
});

describe('encodings', () => {
    /** A clock the test moves, in milliseconds. */
    const fakeClock = () => {
        const clock = { t: 0 };
        clock.now = () => clock.t;
        return clock;
    };

    /** A 64x64 Raw update of 16400 bytes (header, rectangle header, pixels). */
    const bigUpdate = () => framebufferUpdate([rawRect(0, 0, 64, 64, solid(64, 64, [9, 8, 7]))]);

    /**
     * The server takes `rtt` ms to start the update (its headers), then `ms` more to deliver its
     * 16384 bytes of pixels: enough after the first chunk to measure the bandwidth.
     */
    function deliverSlowly(session, clock, rtt, ms) {
        const update = bigUpdate();
        assert.ok(update.length - 16 >= MIN_SAMPLE_BYTES);
        clock.t += rtt;
        session.transport.serverSends(update.subarray(0, 16));
        clock.t += ms;
        session.transport.serverSends(update.subarray(16));
    }

    test('by default Tight first at noVNC\'s quality 6 and compression 2, then the whole screen', () => {
        const session = newSession();
        session.transport.serverSends(handshake38None(16, 12, 'desk'));
        const sent = Array.from(session.transport.takeSent());
        assert.deepEqual(sent.slice(-sessionStart(16, 12).length), sessionStart(16, 12));
        assert.deepEqual(SET_ENCODINGS, setEncodings([7, 1, 16, 5, 6, 2, 0, -260, -26, -432, -766, -254, -314, -239, -240, -223, -224, -308, -312, -313, -1063131698, -258, -261, -307, -309]),
            'the hand-written bytes and the builder agree');
        assert.equal(session.client.encodingChoice.describeQuality(), 'JPEG quality 6, auto');
        assert.deepEqual(session.client.encodingPreferences, EncodingPreferences.auto());
    });

    test('setEncodingPreferences sends a SetEncodings at once, and nothing else', () => {
        const session = connected();
        session.client.setEncodingPreferences(EncodingPreferences.auto().preferring(Encoding.ZRLE).withQuality(3)
            .withCompression(7));
        assert.deepEqual(Array.from(session.transport.takeSent()), [2, 0, 0, 23,
            0, 0, 0, 0x10, 0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0, 2, 0, 0, 0, 0,
            0xff, 0xff, 0xfe, 0xfc, // TightPNG
            0xff, 0xff, 0xff, 0xe3, // QualityLevel3
            0xff, 0xff, 0xff, 0x07, // CompressLevel7
            0xff, 0xff, 0xfe, 0xc6, 0xff, 0xff, 0xff, 0x11, 0xff, 0xff, 0xff, 0x10, // the cursors
            0xff, 0xff, 0xff, 0x21, 0xff, 0xff, 0xff, 0x20,
            0xff, 0xff, 0xfe, 0xcc, 0xff, 0xff, 0xfe, 0xc8, 0xff, 0xff, 0xfe, 0xc7, // remote resize, fences, continuous
            0xc0, 0xa1, 0xe5, 0xce, 0xff, 0xff, 0xfe, 0xfe, 0xff, 0xff, 0xfe, 0xfb, // clipboard, QEMU keys and LEDs
            0xff, 0xff, 0xfe, 0xcd, 0xff, 0xff, 0xfe, 0xcb]); // desktop name, XVP
        assert.equal(session.client.encodingChoice.describeQuality(), 'JPEG quality 3');
        assert.equal(session.client.encodingPreferences.preferred, Encoding.ZRLE);
        session.client.setEncodingPreferences(EncodingPreferences.auto().only(Encoding.HEXTILE)
            .withQuality(EncodingPreferences.LOSSLESS).withCompression(0));
        assert.deepEqual(Array.from(session.transport.takeSent()), [2, 0, 0, 15, 0, 0, 0, 5,
            0xff, 0xff, 0xff, 0x00, 0xff, 0xff, 0xfe, 0xc6, 0xff, 0xff, 0xff, 0x11, 0xff, 0xff, 0xff, 0x10,
            0xff, 0xff, 0xff, 0x21, 0xff, 0xff, 0xff, 0x20, 0xff, 0xff, 0xfe, 0xcc, 0xff, 0xff, 0xfe, 0xc8,
            0xff, 0xff, 0xfe, 0xc7, 0xc0, 0xa1, 0xe5, 0xce, 0xff, 0xff, 0xfe, 0xfe, 0xff, 0xff, 0xfe, 0xfb,
            0xff, 0xff, 0xfe, 0xcd, 0xff, 0xff, 0xfe, 0xcb]);
        assert.equal(session.client.connected, true);
    });

    test('choosing lossless asks for the whole screen next, so JPEG\'s traces go', () => {
        const session = connected(16, 12, { encodingPreferences: EncodingPreferences.auto().withQuality(5) });
        session.transport.serverSends(framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]));
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 16, 12));
        session.client.setEncodingPreferences(EncodingPreferences.auto().withQuality(EncodingPreferences.LOSSLESS));
        assert.deepEqual(Array.from(session.transport.takeSent()),
            setEncodings([7, 1, 16, 5, 6, 2, 0, -260, -254, -314, -239, -240, -223, -224, -308, -312, -313, -1063131698, -258, -261, -307, -309]), 'a request is outstanding');
        session.transport.serverSends(framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]));
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(false, 16, 12));
        session.client.setEncodingPreferences(EncodingPreferences.auto().withQuality(EncodingPreferences.LOSSLESS)
            .withCompression(4));
        session.transport.serverSends(framebufferUpdate([rawRect(0, 0, 1, 1, [[0, 0, 0]])]));
        assert.deepEqual(Array.from(session.transport.takeSent()).slice(-10), updateRequest(true, 16, 12),
            'lossless already: incremental');
    });

    test('new preferences keep the quality the link chose', () => {
        const clock = fakeClock();
        const session = newSession({ now: clock.now });
        session.transport.serverSends(handshake38None(64, 64, 'desk'));
        deliverSlowly(session, clock, 50, 262.144);
        assert.equal(session.client.encodingChoice.quality, 2);
        session.transport.takeSent();
        session.client.setEncodingPreferences(EncodingPreferences.auto().preferring(Encoding.ZRLE));
        assert.equal(session.client.encodingChoice.describeQuality(), 'JPEG quality 2, auto');
        assert.deepEqual(Array.from(session.transport.takeSent()),
            setEncodings([16, 7, 1, 5, 6, 2, 0, -260, -30, -247, -314, -239, -240, -223, -224, -308, -312, -313, -1063131698, -258, -261, -307, -309]));
    });

    test('preferences set before the handshake are what it announces', () => {
        const session = newSession();
        assert.equal(session.client.encodingChoice, null, 'nothing asked for yet');
        session.client.setEncodingPreferences(EncodingPreferences.auto().only(Encoding.RAW));
        assert.equal(session.transport.sent.length, 0);
        session.transport.serverSends(handshake38None(16, 12, 'desk'));
        const sent = Array.from(session.transport.takeSent());
        const expected = [...setEncodings([0, -26, -432, -766, -254, -314, -239, -240, -223, -224, -308, -312, -313, -1063131698, -258, -261, -307, -309]),
            ...updateRequest(false, 16, 12)];
        assert.deepEqual(sent.slice(-expected.length), expected);
    });

    test('preferences naming what the client cannot decode are refused at the call', () => {
        const session = connected(16, 12, { encodings: [0, -239] });
        assert.throws(() => session.client.setEncodingPreferences(EncodingPreferences.auto().preferring(Encoding.TIGHT)),
            /no decoder for Tight \(7\)/);
        assert.throws(() => session.client.setEncodingPreferences({ quality: 3 }), TypeError);
        assert.equal(session.transport.sent.length, 0);
        assert.throws(() => newSession({ encodings: [0], encodingPreferences: EncodingPreferences.auto() }), TypeError);
        assert.throws(() => newSession({ encodingPreferences: EncodingPreferences.exactly([Encoding.CORRE]) }),
            /no decoder for CoRRE/);
    });

    test('a slow link lowers the quality: a SetEncodings goes out before the next request', () => {
        const clock = fakeClock();
        const session = newSession({ now: clock.now });
        session.transport.serverSends(handshake38None(64, 64, 'desk'));
        session.transport.takeSent();
        deliverSlowly(session, clock, 50, 262.144);
        assert.deepEqual(Array.from(session.transport.takeSent()), [
            ...setEncodings([7, 1, 16, 5, 6, 2, 0, -260, -30, -247, -314, -239, -240, -223, -224, -308, -312, -313, -1063131698, -258, -261, -307, -309]),
            ...updateRequest(true, 64, 64)]);
        assert.equal(session.client.link.describe(), '0.5 Mbit/s, 50 ms');
        assert.equal(session.client.encodingChoice.quality, 2);
        assert.equal(session.client.encodingChoice.compression, 9);
        assert.equal(session.client.encodingChoice.describeQuality(), 'JPEG quality 2, auto');
        assert.deepEqual(session.logger.lines.filter((line) => line.text.includes('now asking')), [
            { level: 'info', text: 'rfbridge: link 0.5 Mbit/s, 50 ms: now asking for JPEG quality 2, auto' }]);

        deliverSlowly(session, clock, 50, 262.144);
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 64, 64),
            'no new SetEncodings while the link stays');
    });

    test('a LAN goes lossless, and the next request is for the whole screen', () => {
        const clock = fakeClock();
        const session = newSession({ now: clock.now });
        session.transport.serverSends(handshake38None(64, 64, 'desk'));
        session.transport.takeSent();
        deliverSlowly(session, clock, 1, 2);
        assert.deepEqual(Array.from(session.transport.takeSent()), [
            ...setEncodings([7, 1, 16, 5, 6, 2, 0, -260, -255, -314, -239, -240, -223, -224, -308, -312, -313, -1063131698, -258, -261, -307, -309]),
            ...updateRequest(false, 64, 64)]);
        assert.equal(session.client.encodingChoice.describeQuality(), 'lossless, auto');
        assert.equal(session.client.link.describe(), '65.5 Mbit/s, 1 ms');
    });

    test('exactly the encodings given: the link changes nothing', () => {
        const clock = fakeClock();
        const session = newSession({ now: clock.now, encodings: [0, -239] });
        session.transport.serverSends(handshake38None(64, 64, 'desk'));
        assert.deepEqual(Array.from(session.transport.takeSent()).slice(-22),
            [...setEncodings([0, -239]), ...updateRequest(false, 64, 64)]);
        deliverSlowly(session, clock, 50, 262.144);
        assert.deepEqual(Array.from(session.transport.takeSent()), updateRequest(true, 64, 64));
        assert.equal(session.client.encodingChoice.describeQuality(), 'fixed encodings');
    });

    test('stats count rectangles per encoding; the dominant one carries pixels', () => {
        const session = connected();
        const before = session.client.stats;
        session.transport.serverSends(MIXED_STREAM);
        const stats = session.client.stats;
        assert.equal(stats.dominantSince(before), Encoding.RAW);
        assert.deepEqual([...stats.byEncoding].map(([encoding, totals]) => [encoding, totals.rectangles]),
            [[Encoding.CURSOR, 1], [Encoding.RAW, 2], [Encoding.COPY_RECT, 1]]);
        assert.equal(stats.byEncoding.get(Encoding.COPY_RECT).bytes, 16, 'header and source position');
        assert.equal(stats.byEncoding.get(Encoding.RAW).bytes, 12 + 16 * 12 * 4 + 12 + 4 * 2 * 4);
    });
});
