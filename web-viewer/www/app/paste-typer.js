// SPDX-License-Identifier: Apache-2.0

import { XK, keysymFromChar } from '../core/input/keysyms.js';
import { usKeyFor } from '../core/input/us-layout.js';

export const MAX_TYPED_CHARACTERS = 10000;
export const PACE_MS = 8;

/**
 * Types text as key presses, for servers without a clipboard (a VM's BIOS, installer or text
 * console): each character as its keysym with the US-layout scancode and Shift where one is
 * needed, one event every PACE_MS, since an emulated keyboard drops keys that come faster than its
 * queue drains (the Java viewer's PasteTyper). Characters no keysym types are skipped. One text at
 * a time; cancel() stops it between two characters.
 */
export class PasteTyper {
    /**
     * @param {(keysym: number, down: boolean, scancode: number) => void} sendKey
     * @param {(message: string) => void} report what the user should read
     * @param {{setTimeout: Function, clearTimeout: Function}} [timers]
     */
    constructor(sendKey, report, timers = globalThis) {
        this._sendKey = sendKey;
        this._report = report;
        this._timers = timers;
        this._timer = null;
        this._typed = 0;
    }

    get typing() {
        return this._timer !== null;
    }

    /** Starts typing `text`; false (and a message) if too long or still typing. */
    type(text) {
        const characters = Array.from(text.replace(/\r\n?/g, '\n'));
        if (characters.length > MAX_TYPED_CHARACTERS) {
            this._report(`the text has ${characters.length} characters; typing takes at most ${MAX_TYPED_CHARACTERS}`);
            return false;
        }
        if (this.typing) {
            this._report('still typing the last text');
            return false;
        }
        const events = [];
        for (const character of characters) {
            const keysym = character === '\n' ? XK.Return : character === '\t' ? XK.Tab : keysymFromChar(character);
            if (keysym === null) {
                continue;
            }
            const { scancode, shift } = usKeyFor(character);
            const key = [[keysym, true, scancode], [keysym, false, scancode]];
            events.push(...(shift ? [[XK.Shift_L, true, 0x2a], ...key, [XK.Shift_L, false, 0x2a]] : key),
                null);
        }
        this._typed = 0;
        this._next(events, 0);
        return true;
    }

    /** Stops typing after the current character. */
    cancel() {
        if (this._timer !== null) {
            this._timers.clearTimeout(this._timer);
            this._timer = null;
            this._report(`typing stopped after ${this._typed} characters`);
        }
    }

    _next(events, at) {
        let index = at;
        // A null marks the end of a character.
        while (index < events.length && events[index] === null) {
            this._typed++;
            index++;
        }
        if (index >= events.length) {
            this._timer = null;
            this._report(`typed ${this._typed} characters`);
            return;
        }
        const [keysym, down, scancode] = events[index];
        this._sendKey(keysym, down, scancode);
        this._timer = this._timers.setTimeout(() => this._next(events, index + 1), PACE_MS);
    }
}
