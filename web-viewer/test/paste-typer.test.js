// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_TYPED_CHARACTERS, PasteTyper } from '../www/app/paste-typer.js';
import { usKeyFor } from '../www/core/input/us-layout.js';

/** Timers the test runs by hand: each step fires the one pending timeout. */
function manualTimers() {
    const pending = [];
    return {
        pending,
        setTimeout: (fn) => pending.push(fn),
        clearTimeout: () => pending.splice(0),
        runAll() {
            while (pending.length > 0) {
                pending.shift()();
            }
        },
    };
}

describe('typing the clipboard as keys', () => {
    test('each character with its US key, Shift where needed, paced by the timer', () => {
        const sent = [];
        const reports = [];
        const timers = manualTimers();
        const typer = new PasteTyper((k, d, s) => sent.push([k.toString(16), d, s]), (m) => reports.push(m), timers);
        assert.equal(typer.type('aB\r\n€'), true);
        assert.deepEqual(sent, [['61', true, 0x1e]], 'one event, then the timer');
        assert.equal(typer.type('x'), false);
        timers.runAll();
        assert.deepEqual(sent, [['61', true, 0x1e], ['61', false, 0x1e], ['ffe1', true, 0x2a], ['42', true, 0x30],
            ['42', false, 0x30], ['ffe1', false, 0x2a], ['ff0d', true, 0x1c], ['ff0d', false, 0x1c],
            ['10020ac', true, 0], ['10020ac', false, 0]]);
        assert.deepEqual(reports, ['still typing the last text', 'typed 4 characters']);
        assert.equal(typer.typing, false);
    });

    test('too long a text is refused; cancelling stops between characters', () => {
        const reports = [];
        const timers = manualTimers();
        const sent = [];
        const typer = new PasteTyper((k, d) => sent.push([k, d]), (m) => reports.push(m), timers);
        assert.equal(typer.type('y'.repeat(MAX_TYPED_CHARACTERS + 1)), false);
        assert.equal(sent.length, 0);
        typer.type('yyy');
        timers.pending.shift()();
        timers.pending.shift()();
        typer.cancel();
        timers.runAll();
        assert.equal(sent.length, 3);
        assert.deepEqual(reports, ['the text has 10001 characters; typing takes at most 10000',
            'typing stopped after 1 characters']);
    });

    test('the US layout', () => {
        assert.deepEqual(usKeyFor('q'), { scancode: 0x10, shift: false });
        assert.deepEqual(usKeyFor('"'), { scancode: 0x28, shift: true });
        assert.deepEqual(usKeyFor('|'), { scancode: 0x2b, shift: true });
        assert.deepEqual(usKeyFor('/'), { scancode: 0x35, shift: false });
        assert.deepEqual(usKeyFor('é'), { scancode: 0, shift: false });
    });
});
