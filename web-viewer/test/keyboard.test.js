// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KEY_COMBINATIONS, KeyboardState } from '../www/core/input/keyboard.js';
import { XK } from '../www/core/input/keysyms.js';

const RIGHT = 2;

/**
 * The keysyms and directions of what a keyboard returns; the scancodes, the third of each, are
 * checked on their own below.
 */
class Keys {
    constructor() {
        this._state = new KeyboardState();
    }

    keyDown(event) {
        return pairs(this._state.keyDown(event));
    }

    keyUp(event) {
        return pairs(this._state.keyUp(event));
    }

    releaseAll() {
        return pairs(this._state.releaseAll());
    }

    get pressedCount() {
        return this._state.pressedCount;
    }
}

const pairs = (out) => (out === null ? null : out.map(([keysym, down]) => [keysym, down]));

describe('KeyboardState', () => {
    test('a key is released with the keysym it was pressed with', () => {
        const keyboard = new Keys();
        assert.deepEqual(keyboard.keyDown({ key: 'Shift', code: 'ShiftLeft', location: 1 }), [[XK.Shift_L, true]]);
        assert.deepEqual(keyboard.keyDown({ key: 'A', code: 'KeyA' }), [[0x41, true]]);
        // Shift let go first: the release of the letter key says "a", the server must get "A" up.
        assert.deepEqual(keyboard.keyUp({ key: 'Shift', code: 'ShiftLeft', location: 1 }), [[XK.Shift_L, false]]);
        assert.deepEqual(keyboard.keyUp({ key: 'a', code: 'KeyA' }), [[0x41, false]]);
        assert.equal(keyboard.pressedCount, 0);
    });

    test('both sides of a modifier are told apart', () => {
        const keyboard = new Keys();
        assert.deepEqual(keyboard.keyDown({ key: 'Control', code: 'ControlRight', location: RIGHT }), [[XK.Control_R, true]]);
        assert.deepEqual(keyboard.keyDown({ key: 'Alt', code: 'AltLeft', location: 1 }), [[XK.Alt_L, true]]);
        assert.deepEqual(keyboard.releaseAll(), [[XK.Alt_L, false], [XK.Control_R, false]]);
    });

    test('releaseAll lets go of everything still down, newest first, once', () => {
        const keyboard = new Keys();
        keyboard.keyDown({ key: 'Control', code: 'ControlLeft', location: 1 });
        keyboard.keyDown({ key: 'x', code: 'KeyX' });
        assert.deepEqual(keyboard.releaseAll(), [[0x78, false], [XK.Control_L, false]]);
        assert.deepEqual(keyboard.releaseAll(), []);
        assert.equal(keyboard.keyUp({ key: 'x', code: 'KeyX' }), null, 'no second release after blur');
    });

    test('auto-repeat sends the key down again; a changed symbol releases the old one first', () => {
        const keyboard = new Keys();
        keyboard.keyDown({ key: 'a', code: 'KeyA' });
        assert.deepEqual(keyboard.keyDown({ key: 'a', code: 'KeyA' }), [[0x61, true]]);
        assert.deepEqual(keyboard.keyDown({ key: 'A', code: 'KeyA' }), [[0x61, false], [0x41, true]]);
        assert.deepEqual(keyboard.keyUp({ key: 'a', code: 'KeyA' }), [[0x41, false]]);
    });

    test('AltGr is ISO_Level3_Shift, and the Ctrl Windows fakes with it is taken back', () => {
        const keyboard = new Keys();
        keyboard.keyDown({ key: 'Control', code: 'ControlLeft', location: 1, timeStamp: 1000 });
        assert.deepEqual(keyboard.keyDown({ key: 'AltGraph', code: 'AltRight', location: RIGHT, timeStamp: 1001 }),
            [[XK.Control_L, false], [XK.ISO_Level3_Shift, true]]);
        assert.deepEqual(keyboard.keyDown({ key: '€', code: 'KeyE', timeStamp: 1200 }), [[0x010020ac, true]]);
        assert.equal(keyboard.keyUp({ key: 'Control', code: 'ControlLeft', location: 1 }), null);
        assert.deepEqual(keyboard.releaseAll(), [[0x010020ac, false], [XK.ISO_Level3_Shift, false]]);
    });

    test('a Ctrl held well before AltGr is the user\'s and stays down', () => {
        const keyboard = new Keys();
        keyboard.keyDown({ key: 'Control', code: 'ControlLeft', location: 1, timeStamp: 1000 });
        assert.deepEqual(keyboard.keyDown({ key: 'AltGraph', code: 'AltRight', location: RIGHT, timeStamp: 2000 }),
            [[XK.ISO_Level3_Shift, true]]);
        assert.equal(keyboard.pressedCount, 2);
    });

    test('dead keys and unknown keys are left to the browser', () => {
        const keyboard = new Keys();
        assert.equal(keyboard.keyDown({ key: 'Dead', code: 'BracketLeft' }), null);
        assert.equal(keyboard.keyDown({ key: 'Unidentified', code: '' }), null);
        assert.equal(keyboard.pressedCount, 0);
    });

    test('keys without a code (virtual keyboards) are tracked by their key', () => {
        const keyboard = new Keys();
        assert.deepEqual(keyboard.keyDown({ key: 'q' }), [[0x71, true]]);
        assert.deepEqual(keyboard.keyUp({ key: 'q' }), [[0x71, false]]);
    });

    test('function, navigation and keypad keys', () => {
        const keyboard = new Keys();
        assert.deepEqual(keyboard.keyDown({ key: 'F5', code: 'F5' }), [[XK.F1 + 4, true]]);
        assert.deepEqual(keyboard.keyDown({ key: 'PageDown', code: 'PageDown' }), [[XK.Next, true]]);
        assert.deepEqual(keyboard.keyDown({ key: '7', code: 'Numpad7', location: 3 }), [[XK.KP_7, true]]);
        assert.deepEqual(keyboard.keyDown({ key: 'Home', code: 'Numpad7', location: 3 }), [[XK.KP_7, false], [XK.KP_Home, true]]);
    });

    test('the key combinations menu holds Ctrl+Alt+Del as the first entry', () => {
        assert.deepEqual(KEY_COMBINATIONS[0], { label: 'Ctrl+Alt+Del', keysyms: [XK.Control_L, XK.Alt_L, XK.Delete] });
        for (const { label, keysyms } of KEY_COMBINATIONS) {
            assert.ok(keysyms.length > 0 && keysyms.every(Number.isInteger), label);
        }
    });
});

describe('scancodes', () => {
    test('each key goes with the XT scancode of its place, e0 keys with bit 7 set, released with the same', () => {
        const keyboard = new KeyboardState();
        assert.deepEqual(keyboard.keyDown({ key: 'q', code: 'KeyQ' }), [[0x71, true, 0x10]]);
        assert.deepEqual(keyboard.keyDown({ key: 'a', code: 'KeyQ' }), [[0x71, false, 0x10], [0x61, true, 0x10]],
            'an AZERTY "a" is the key at Q\'s place');
        assert.deepEqual(keyboard.keyDown({ key: 'ArrowUp', code: 'ArrowUp' }), [[XK.Up, true, 0xc8]]);
        assert.deepEqual(keyboard.keyDown({ key: 'Control', code: 'ControlRight', location: RIGHT }),
            [[XK.Control_R, true, 0x9d]]);
        assert.deepEqual(keyboard.keyUp({ key: 'A', code: 'KeyQ' }), [[0x61, false, 0x10]]);
        assert.deepEqual(keyboard.keyDown({ key: 'x' }), [[0x78, true, 0]], 'no code, no scancode');
        assert.deepEqual(keyboard.releaseAll(), [[0x78, false, 0], [XK.Control_R, false, 0x9d], [XK.Up, false, 0xc8]]);
    });
});

describe('lock keys in step with the server', async () => {
    const { lockKeySync } = await import('../www/core/input/lock-keys.js');
    const event = (code, locks) => ({ code, getModifierState: (name) => locks.includes(name) });

    test('a lock the server has otherwise is pressed and released first; nothing while its state is unknown', () => {
        assert.deepEqual(lockKeySync(null, event('KeyA', ['CapsLock'])), []);
        assert.deepEqual(lockKeySync(0, event('KeyA', ['CapsLock'])), [[XK.Caps_Lock, true, 0x3a],
            [XK.Caps_Lock, false, 0x3a]]);
        assert.deepEqual(lockKeySync(4 | 2, event('KeyA', ['CapsLock'])), [[XK.Num_Lock, true, 0x45],
            [XK.Num_Lock, false, 0x45]], 'Num Lock on remotely, off here');
        assert.deepEqual(lockKeySync(4, event('KeyA', ['CapsLock'])), [], 'in step');
        assert.deepEqual(lockKeySync(0, event('CapsLock', ['CapsLock'])), [], 'the lock key itself toggles both');
        assert.deepEqual(lockKeySync(0, { code: 'KeyA' }), [], 'an event that does not tell');
    });
});
