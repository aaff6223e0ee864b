// SPDX-License-Identifier: Apache-2.0

import { XK, keysymFromEvent } from './keysyms.js';
import { xtScancode } from './xt-scancodes.js';

/**
 * Which keys are down, so that every key pressed is released with the keysym it was pressed
 * with (the key value of a release can differ: Shift let go first turns "A" into "a"), and so
 * that everything still down can be released when the page loses focus.
 *
 * No DOM: callers pass the fields of a KeyboardEvent and send what comes back as KeyEvents, each
 * [keysym, down, scancode] with the XT scancode of the physical key (0 when unknown).
 * One instance per session, used from the page's main thread only.
 */
export class KeyboardState {
    constructor() {
        /** @type {Map<string, {keysym: number, time: number, scancode: number}>} physical key -> what was sent */
        this._down = new Map();
    }

    /**
     * A key went down.
     * @param {{key?: string, code?: string, location?: number, timeStamp?: number}} event
     * @returns {Array<[number, boolean, number]>|null} [keysym, down, scancode] to send in order, or null when
     *   the key means nothing to the server (the caller should then let the browser have it)
     */
    keyDown(event) {
        const keysym = keysymFromEvent(event);
        if (keysym === null) {
            return null;
        }
        const id = physicalKey(event);
        const time = event.timeStamp ?? 0;
        const out = [];
        // Windows reports AltGr as a Ctrl press and a Right Alt press at the same instant; the
        // Ctrl is not the user's, and a server that sees it held types Ctrl+Alt+letter.
        if (keysym === XK.ISO_Level3_Shift) {
            const control = this._down.get('ControlLeft');
            if (control !== undefined && Math.abs(time - control.time) < 50) {
                this._down.delete('ControlLeft');
                out.push([control.keysym, false, control.scancode]);
            }
        }
        const scancode = xtScancode(event.code ?? '');
        const previous = this._down.get(id);
        if (previous !== undefined && previous.keysym !== keysym) {
            // Auto-repeat after a modifier changed: the old symbol must not stay down.
            out.push([previous.keysym, false, previous.scancode]);
        }
        this._down.set(id, { keysym, time, scancode });
        out.push([keysym, true, scancode]);
        return out;
    }

    /**
     * A key went up.
     * @returns {Array<[number, boolean]>|null} the release of what that key pressed, or null when
     *   the key was not down as far as the server knows
     */
    keyUp(event) {
        const id = physicalKey(event);
        const pressed = this._down.get(id);
        if (pressed === undefined) {
            return null;
        }
        this._down.delete(id);
        return [[pressed.keysym, false, pressed.scancode]];
    }

    /** Releases everything still down, most recent first: for blur, hidden page or disconnect. */
    releaseAll() {
        const out = [...this._down.values()].reverse().map(({ keysym, scancode }) => [keysym, false, scancode]);
        this._down.clear();
        return out;
    }

    /** Number of keys the server thinks are down. */
    get pressedCount() {
        return this._down.size;
    }
}

/** The physical key of an event; `key` stands in when a virtual keyboard gives no `code`. */
function physicalKey({ key = '', code = '' }) {
    return code !== '' && code !== 'Unidentified' ? code : `key:${key}`;
}

/**
 * Key combinations a browser will not pass to the page, offered in a menu. Each is a list of
 * keysyms pressed in order and released in reverse.
 */
export const KEY_COMBINATIONS = Object.freeze([
    { label: 'Ctrl+Alt+Del', keysyms: [XK.Control_L, XK.Alt_L, XK.Delete] },
    { label: 'Ctrl+Alt+Backspace', keysyms: [XK.Control_L, XK.Alt_L, XK.BackSpace] },
    { label: 'Alt+Tab', keysyms: [XK.Alt_L, XK.Tab] },
    { label: 'Alt+F4', keysyms: [XK.Alt_L, XK.F1 + 3] },
    { label: 'Ctrl+Esc', keysyms: [XK.Control_L, XK.Escape] },
    { label: 'Super', keysyms: [XK.Super_L] },
    { label: 'Print Screen', keysyms: [XK.Print] },
    { label: 'Esc', keysyms: [XK.Escape] },
    { label: 'Tab', keysyms: [XK.Tab] },
    ...[1, 2, 7].map((n) => ({ label: `Ctrl+Alt+F${n}`, keysyms: [XK.Control_L, XK.Alt_L, XK.F1 + n - 1] })),
]);
