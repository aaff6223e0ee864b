// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XK, keysymFromChar, keysymFromEvent } from '../www/core/input/keysyms.js';
import { findMismatches, headersPresent, parseKeysymHeaders } from '../tools/check-keysyms.js';

const LEFT = 1;
const RIGHT = 2;
const NUMPAD = 3;

describe('keysyms', () => {
    test('the table matches the X11 headers', (t) => {
        if (!headersPresent()) {
            const message = 'SKIPPED (missing system package x11proto-dev: no /usr/include/X11/keysymdef.h)';
            console.error(message);
            t.skip(message);
            return;
        }
        assert.deepEqual(findMismatches(parseKeysymHeaders()), []);
    });

    test('Latin-1 characters are their own keysym', () => {
        const cases = [['a', 0x61], ['A', 0x41], [' ', 0x20], ['~', 0x7e], ['1', 0x31], ['!', 0x21],
            ['é', 0xe9], ['ö', 0xf6], ['ß', 0xdf], ['£', 0xa3], ['\u00a0', 0xa0], ['ÿ', 0xff]];
        for (const [key, keysym] of cases) {
            assert.equal(keysymFromEvent({ key, code: 'KeyA' }), keysym, key);
        }
    });

    test('other Unicode characters are 0x01000000 + code point', () => {
        const cases = [['€', 0x010020ac], ['ą', 0x01000105], ['Ж', 0x01000416], ['あ', 0x01003042], ['😀', 0x0101f600]];
        for (const [key, keysym] of cases) {
            assert.equal(keysymFromEvent({ key, code: '' }), keysym, key);
            assert.equal(keysymFromChar(key), keysym, key);
        }
    });

    test('"Hello, Wörld! 123" types as the expected keysyms', () => {
        const typed = Array.from('Hello, Wörld! 123', (key) => keysymFromEvent({ key }));
        assert.deepEqual(typed, [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x2c, 0x20, 0x57, 0xf6, 0x72, 0x6c, 0x64, 0x21, 0x20, 0x31, 0x32, 0x33]);
    });

    test('control characters have no keysym of their own', () => {
        assert.equal(keysymFromChar('\u0007'), null);
        assert.equal(keysymFromChar('\u0085'), null);
    });

    test('editing, navigation and function keys', () => {
        const cases = {
            Backspace: 0xff08, Tab: 0xff09, Enter: 0xff0d, Escape: 0xff1b, Delete: 0xffff, Insert: 0xff63,
            Home: 0xff50, End: 0xff57, PageUp: 0xff55, PageDown: 0xff56,
            ArrowLeft: 0xff51, ArrowUp: 0xff52, ArrowRight: 0xff53, ArrowDown: 0xff54,
            F1: 0xffbe, F2: 0xffbf, F10: 0xffc7, F12: 0xffc9, F13: 0xffca, F24: 0xffd5,
            PrintScreen: 0xff61, ScrollLock: 0xff14, Pause: 0xff13, ContextMenu: 0xff67,
            CapsLock: 0xffe5, NumLock: 0xff7f, Compose: 0xff20,
            AudioVolumeUp: 0x1008ff13, MediaPlayPause: 0x1008ff14, BrowserBack: 0x1008ff26,
        };
        for (const [key, keysym] of Object.entries(cases)) {
            assert.equal(keysymFromEvent({ key, code: key, location: 0 }), keysym, key);
        }
        assert.equal(keysymFromEvent({ key: 'F25' }), null);
    });

    test('modifiers keep their side', () => {
        const cases = [
            [{ key: 'Shift', code: 'ShiftLeft', location: LEFT }, XK.Shift_L],
            [{ key: 'Shift', code: 'ShiftRight', location: RIGHT }, XK.Shift_R],
            [{ key: 'Control', code: 'ControlLeft', location: LEFT }, XK.Control_L],
            [{ key: 'Control', code: 'ControlRight', location: RIGHT }, XK.Control_R],
            [{ key: 'Alt', code: 'AltLeft', location: LEFT }, XK.Alt_L],
            [{ key: 'Alt', code: 'AltRight', location: RIGHT }, XK.Alt_R],
            [{ key: 'Meta', code: 'MetaLeft', location: LEFT }, XK.Super_L],
            [{ key: 'Meta', code: 'MetaRight', location: RIGHT }, XK.Super_R],
            [{ key: 'OS', code: 'OSLeft', location: LEFT }, XK.Super_L],
            [{ key: 'Shift', code: '', location: RIGHT }, XK.Shift_R],
        ];
        for (const [event, keysym] of cases) {
            assert.equal(keysymFromEvent(event), keysym, JSON.stringify(event));
        }
    });

    test('AltGr is ISO_Level3_Shift', () => {
        assert.equal(keysymFromEvent({ key: 'AltGraph', code: 'AltRight', location: RIGHT }), 0xfe03);
    });

    test('the numeric keypad, with Num Lock on and off', () => {
        const cases = [
            [{ key: '7', code: 'Numpad7', location: NUMPAD }, XK.KP_7],
            [{ key: '0', code: 'Numpad0', location: NUMPAD }, XK.KP_0],
            [{ key: '.', code: 'NumpadDecimal', location: NUMPAD }, XK.KP_Decimal],
            [{ key: ',', code: 'NumpadDecimal', location: NUMPAD }, XK.KP_Separator],
            [{ key: '+', code: 'NumpadAdd', location: NUMPAD }, XK.KP_Add],
            [{ key: '-', code: 'NumpadSubtract', location: NUMPAD }, XK.KP_Subtract],
            [{ key: '*', code: 'NumpadMultiply', location: NUMPAD }, XK.KP_Multiply],
            [{ key: '/', code: 'NumpadDivide', location: NUMPAD }, XK.KP_Divide],
            [{ key: 'Enter', code: 'NumpadEnter', location: NUMPAD }, XK.KP_Enter],
            [{ key: 'Home', code: 'Numpad7', location: NUMPAD }, XK.KP_Home],
            [{ key: 'ArrowUp', code: 'Numpad8', location: NUMPAD }, XK.KP_Up],
            [{ key: 'Clear', code: 'Numpad5', location: NUMPAD }, XK.KP_Begin],
            [{ key: 'Delete', code: 'NumpadDecimal', location: NUMPAD }, XK.KP_Delete],
            [{ key: 'Unidentified', code: 'Numpad3', location: NUMPAD }, XK.KP_3],
            // The same characters off the keypad are plain keysyms.
            [{ key: '7', code: 'Digit7', location: 0 }, 0x37],
            [{ key: 'Enter', code: 'Enter', location: 0 }, XK.Return],
        ];
        for (const [event, keysym] of cases) {
            assert.equal(keysymFromEvent(event), keysym, JSON.stringify(event));
        }
    });

    test('unidentified keys fall back to the US layout of their code', () => {
        assert.equal(keysymFromEvent({ key: 'Unidentified', code: 'KeyQ' }), 0x71);
        assert.equal(keysymFromEvent({ key: 'Unidentified', code: 'Digit5' }), 0x35);
        assert.equal(keysymFromEvent({ key: 'Unidentified', code: 'Semicolon' }), 0x3b);
        assert.equal(keysymFromEvent({ key: 'Unidentified', code: 'IntlBackslash' }), 0x3c);
        assert.equal(keysymFromEvent({ key: 'Unidentified', code: 'F7' }), XK.F7);
        assert.equal(keysymFromEvent({ key: 'Unidentified', code: 'ShiftRight', location: RIGHT }), XK.Shift_R);
        assert.equal(keysymFromEvent({ key: '\u0001', code: 'KeyA' }), 0x61, 'a control character from Ctrl+A');
    });

    test('dead keys, IME composition and unknown names send nothing', () => {
        assert.equal(keysymFromEvent({ key: 'Dead', code: 'BracketLeft' }), null);
        assert.equal(keysymFromEvent({ key: 'Process', code: 'KeyA' }), null);
        assert.equal(keysymFromEvent({ key: 'Unidentified', code: '' }), null);
        assert.equal(keysymFromEvent({ key: 'toString', code: '' }), null, 'no prototype lookups');
        assert.equal(keysymFromEvent({ key: 'constructor', code: 'Numpad1', location: NUMPAD }), null);
    });
});
