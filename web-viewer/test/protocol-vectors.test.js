// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { DecoderRegistry } from '../www/core/decoders/decoder-registry.js';
import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { Encoding, encodingName } from '../www/core/encodings.js';
import { ErrorCode } from '../www/core/error-codes.js';
import { SecurityType, securityTypeName } from '../www/core/security/security-types.js';
import * as limits from '../www/core/limits.js';
import { RfbClient } from '../www/core/rfb-client.js';
import { randomChunks } from '../test-support/chunking.js';
import { FakeTransport } from '../test-support/fake-transport.js';
import { decodeImage } from '../test-support/image-decoding.js';
import { seededRandom } from '../test-support/prng.js';
import { clientOptions, loadVectors, readJson, skipList, stepBytes } from '../test-support/protocol-vectors.js';

/*
 * Every vector of protocol-tests/, run through the whole JavaScript client (RfbClient over a fake
 * transport and a MemoryDisplay), delivered whole, one byte at a time and in seeded random chunks
 * (RFB_VECTOR_SEED=N to replay a seed; every failure names it). The Java core runs the same files.
 */
const SEED = Number(process.env.RFB_VECTOR_SEED ?? 20261202);

const DELIVERIES = [
    { name: 'whole', split: (bytes) => [bytes] },
    { name: 'one byte', split: (bytes) => Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)) },
    { name: 'random', split: (bytes, random) => randomChunks(bytes, random) },
];

const hex = (bytes) => (bytes.length === 0 ? 'nothing' : Buffer.from(bytes).toString('hex').slice(0, 400));

/** Runs one vector; throws an AssertionError naming the step at the first difference. */
export function runVector(vector, delivery, seed = SEED) {
    const client = clientOptions(vector.json.client);
    const transport = new FakeTransport();
    const events = [];
    const display = new MemoryDisplay({ decodeImage });
    const finishUpdate = display.finishUpdate.bind(display);
    display.finishUpdate = (onDrawn) => {
        events.push({ type: 'update' });
        finishUpdate(onDrawn);
    };
    const session = new RfbClient({
        transport,
        display,
        credentials: client.password === undefined ? {} : { password: client.password },
        shared: client.shared,
        securityTypes: client.securityTypes,
        pixelFormat: client.pixelFormat,
        encodings: client.encodings,
        maxCutText: client.maxCutTextBytes,
        handshakeTimeout: 0,
        logger: { debug() {}, info() {}, warn() {}, error() {} },
    });
    let connected = false;
    let ending = null;
    session.on('connect', ({ width, height, name }) => {
        connected = true;
        events.push({ type: 'connected', width, height, name });
    });
    session.on('resize', ({ width, height }) => connected && events.push({ type: 'resize', width, height }));
    session.on('bell', () => events.push({ type: 'bell' }));
    session.on('resize-refused', ({ message }) => events.push({ type: 'resize-refused', message }));
    session.on('clipboard', ({ text }) => events.push({ type: 'clipboard', text }));
    session.on('clipboard-dropped', ({ message }) => events.push({ type: 'clipboard-dropped', message }));
    session.on('led-state', ({ state }) => events.push({ type: 'led-state', state }));
    // The handshake's name comes before `connect`; a DesktopName rectangle's after it.
    session.on('desktopname', ({ name }) => connected && events.push({ type: 'desktop-name', name }));
    session.on('xvp', ({ version }) => events.push({ type: 'xvp', version }));
    session.on('xvp-failed', () => events.push({ type: 'xvp-failed' }));
    session.on('cursor', ({ rgba, width, height, hotX, hotY }) => {
        const pixels = [];
        for (let y = 0; y < height; y++) {
            const row = [];
            for (let x = 0; x < width; x++) {
                const i = (y * width + x) * 4;
                row.push([rgba[i + 3], rgba[i], rgba[i + 1], rgba[i + 2]].map((b) => b.toString(16).padStart(2, '0')).join(''));
            }
            pixels.push(row.join(' '));
        }
        events.push({ type: 'cursor', width, height, hotX, hotY, pixels });
    });
    session.on('credentialsrequired', () => session.cancelCredentials());
    session.on('disconnect', (detail) => {
        ending = detail;
    });

    const random = seededRandom(seed);
    vector.script.forEach((step, index) => {
        const where = `${vector.id} step ${index + 1} ${JSON.stringify(step).slice(0, 120)}`;
        if (step.server !== undefined) {
            transport.serverSends(stepBytes(step.server), (bytes) => delivery.split(bytes, random));
        } else if (step.client !== undefined) {
            const sent = transport.takeSent();
            if (Array.isArray(step.client) && step.client.some((part) => part.provide !== undefined)) {
                matchWithProvides(sent, step.client, where);
            } else {
                const expected = stepBytes(step.client);
                assert.equal(hex(sent), hex(expected), `${where}: the client sent ${hex(sent)}` +
                    (ending ? ` (the session ended: ${ending.reason})` : ''));
            }
        } else if (step.do !== undefined) {
            assert.equal(ending, null, `${where}: the session had already ended: ${ending?.reason}`);
            switch (step.do) {
            case 'key': session.sendKey(step.keysym, step.down, step.scancode ?? 0); break;
            case 'xvp': session.sendXvp(step.code); break;
            case 'pointer': session.sendPointer(step.x, step.y, step.buttons); break;
            case 'clipboard': session.sendClipboard(step.text); break;
            case 'refresh': session.refresh(); break;
            case 'resize': session.requestDesktopSize(step.width, step.height); break;
            default: throw new Error(`${where}: unknown action`);
            }
        } else if (step.close !== undefined) {
            transport.serverCloses('');
        } else {
            throw new Error(`${where}: unknown step`);
        }
    });
    assert.equal(hex(transport.takeSent()), 'nothing', `${vector.id}: bytes after the last step that no step expected`);
    const expect = vector.json.expect ?? {};
    assert.deepEqual(events, expect.events ?? [], `${vector.id}: events` + (ending ? ` (ended: ${ending.reason})` : ''));
    if (expect.error === undefined) {
        assert.equal(ending, null, `${vector.id}: unexpected failure ${ending?.code}: ${ending?.reason}`);
    } else {
        assert.notEqual(ending, null, `${vector.id}: expected ${JSON.stringify(expect.error)} but the session did not end`);
        assert.deepEqual({ code: ending.code, message: ending.reason }, expect.error, `${vector.id}: failure`);
    }
    if (expect.framebuffer !== undefined) {
        checkFramebuffer(vector.id, expect.framebuffer, display);
    }
}

/**
 * A client step with `provide` parts: exact bytes, except that a provide matches an
 * ExtendedClipboard provide by its flags and what its zlib data inflates to (zlib libraries need not
 * agree byte for byte).
 */
function matchWithProvides(sent, parts, where) {
    let at = 0;
    for (const part of parts) {
        if (part.provide === undefined) {
            const expected = stepBytes(part);
            assert.equal(hex(sent.subarray(at, at + expected.length)), hex(expected), `${where}: the client sent ` +
                `${hex(sent)}, not that at byte ${at}`);
            at += expected.length;
            continue;
        }
        const view = new DataView(sent.buffer, sent.byteOffset + at, sent.length - at);
        assert.ok(view.byteLength >= 12 && view.getUint8(0) === 6, `${where}: no provide at byte ${at} of ${hex(sent)}`);
        const length = -view.getInt32(4) - 4;
        assert.equal(view.getUint32(8).toString(16).padStart(8, '0'), part.provide.flags, `${where}: the flags`);
        assert.ok(length >= 0 && length <= view.byteLength - 12, `${where}: a provide of ${length} bytes`);
        const inflated = inflateSync(sent.subarray(at + 12, at + 12 + length));
        assert.equal(inflated.toString('hex'), part.provide.inflated, `${where}: what the provide inflates to`);
        at += 12 + length;
    }
    assert.equal(at, sent.length, `${where}: ${sent.length - at} bytes more than the vector expects`);
}

function checkFramebuffer(id, expected, display) {
    assert.equal(`${display.width}x${display.height}`, `${expected.width}x${expected.height}`, `${id}: framebuffer size`);
    const rgb = new Uint8Array(display.width * display.height * 3);
    for (let i = 0; i < display.width * display.height; i++) {
        rgb.set(display.data.subarray(i * 4, i * 4 + 3), i * 3);
    }
    if (expected.rows !== undefined) {
        for (let y = 0; y < display.height; y++) {
            const row = [];
            for (let x = 0; x < display.width; x++) {
                row.push(Buffer.from(rgb.subarray((y * display.width + x) * 3, (y * display.width + x) * 3 + 3)).toString('hex'));
            }
            const tolerance = expected.tolerance ?? 0;
            if (tolerance > 0 ? !withinTolerance(row, expected.rows[y], tolerance) : row.join(' ') !== expected.rows[y]) {
                assert.equal(row.join(' '), expected.rows[y], `${id}: framebuffer row ${y}` +
                    (tolerance > 0 ? ` (each channel within ${tolerance})` : ''));
            }
        }
    }
    if (expected.sha256 !== undefined) {
        assert.equal(createHash('sha256').update(rgb).digest('hex'), expected.sha256, `${id}: framebuffer SHA-256`);
    }
}

/**
 * Whether each channel of each pixel of a row differs by at most `tolerance` from the vector's
 * row of RRGGBB (images decoded by each core's own decoder: Java's runner has the same rule).
 */
function withinTolerance(pixels, want, tolerance) {
    const expected = want.split(' ');
    if (pixels.length !== expected.length) {
        return false;
    }
    return pixels.every((pixel, i) => {
        const a = parseInt(pixel, 16);
        const b = parseInt(expected[i], 16);
        return [0, 8, 16].every((shift) => Math.abs(((a >>> shift) & 0xff) - ((b >>> shift) & 0xff)) <= tolerance);
    });
}

const vectors = loadVectors();
const skips = skipList();

describe('protocol vectors', () => {
    test('the skip list names only vectors that exist, and is printed', () => {
        const ids = new Set(vectors.map((v) => v.id));
        assert.deepEqual([...skips.keys()].filter((id) => !ids.has(id)), []);
        console.log(`protocol vectors: ${vectors.length}, skipped in JavaScript: ${skips.size}` +
            (skips.size ? ` ${JSON.stringify(Object.fromEntries(skips))}` : ''));
    });

    test('the error codes are the shared list', () => {
        assert.deepEqual(Object.values(ErrorCode).sort(), Object.keys(readJson('error-codes.json').codes).sort());
    });

    test('the encoding and security type names are the shared tables', () => {
        const names = readJson('names.json');
        assert.deepEqual(Object.values(Encoding).sort((a, b) => a - b), names.encodings.map((e) => e.number).sort((a, b) => a - b));
        for (const { number, name } of names.encodings) {
            assert.equal(encodingName(number), name);
        }
        assert.deepEqual(Object.values(SecurityType).sort((a, b) => a - b), names.securityTypes.map((t) => t.number).sort((a, b) => a - b));
        for (const { number, name } of names.securityTypes) {
            assert.equal(securityTypeName(number), name);
        }
    });

    test('the limits are the shared values', () => {
        const shared = readJson('limits.json');
        assert.equal(limits.MAX_FRAMEBUFFER_SIDE, shared.maxFramebufferSide);
        assert.equal(limits.MAX_CURSOR_SIDE, shared.maxCursorSide);
        assert.equal(limits.MAX_STRING_BYTES, shared.maxStringBytes);
        assert.equal(limits.MAX_TIGHT_CAPABILITIES, shared.maxTightCapabilities);
        assert.equal(limits.COLOUR_MAP_SIZE, shared.colourMapSize);
        assert.equal(limits.DEFAULT_MAX_CUT_TEXT_BYTES, shared.defaultMaxCutTextBytes);
    });

    test('every encoding a vector announces is one this core knows, or the vector is skipped', () => {
        const known = new Set(DecoderRegistry.known());
        const missing = vectors.filter((v) => !skips.has(v.id))
            .filter((v) => clientOptions(v.json.client).encodings.some((e) => !known.has(e)))
            .map((v) => v.id);
        assert.deepEqual(missing, []);
    });

    for (const vector of vectors) {
        if (skips.has(vector.id)) {
            continue;
        }
        for (const delivery of DELIVERIES) {
            test(`${vector.id} [${delivery.name}]`, () => {
                try {
                    runVector(vector, delivery);
                } catch (error) {
                    error.message += ` [delivery ${delivery.name}${delivery.name === 'random' ? `, RFB_VECTOR_SEED=${SEED}` : ''}]`;
                    throw error;
                }
            });
        }
    }
});
