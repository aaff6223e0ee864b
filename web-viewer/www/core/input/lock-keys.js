// SPDX-License-Identifier: Apache-2.0

import { XK } from './keysyms.js';

/** QEMU LED state bits and the lock keys that toggle them. */
const LOCKS = [
    { modifier: 'CapsLock', bit: 4, keysym: XK.Caps_Lock, scancode: 0x3a },
    { modifier: 'NumLock', bit: 2, keysym: XK.Num_Lock, scancode: 0x45 },
];

/**
 * The key presses that bring the server's lock keys in step with the local ones before `event` is
 * sent: a VM whose Caps Lock is on while the user's is off would type every letter in the wrong
 * case. Nothing while the server's LED state is unknown (null), for the lock key being pressed
 * itself (it toggles both), or for events that do not tell the local state.
 * @param {number|null} ledState the server's last QEMU LED state
 * @param {{code?: string, getModifierState?: (name: string) => boolean}} event
 * @returns {Array<[number, boolean, number]>} [keysym, down, scancode] to send first
 */
export function lockKeySync(ledState, event) {
    if (ledState === null || typeof event.getModifierState !== 'function') {
        return [];
    }
    const out = [];
    for (const lock of LOCKS) {
        if (event.code === lock.modifier) {
            continue;
        }
        const local = event.getModifierState(lock.modifier);
        const remote = (ledState & lock.bit) !== 0;
        if (local !== remote) {
            out.push([lock.keysym, true, lock.scancode], [lock.keysym, false, lock.scancode]);
        }
    }
    return out;
}
