// SPDX-License-Identifier: Apache-2.0

/**
 * Where each printable ASCII character is on a US PC keyboard: its key's XT scancode and whether
 * Shift is needed (the Java viewer's UsLayout). Typing text into a server with no clipboard (a
 * VM's firmware or installer) needs both: QEMU turns a keysym into a key by its own keymap without
 * pressing Shift itself, so an "A" typed without Shift arrives as "a".
 */
const ROWS = [
    ['1234567890-=', '!@#$%^&*()_+', 0x02],
    ['qwertyuiop[]', 'QWERTYUIOP{}', 0x10],
    ["asdfghjkl;'`", 'ASDFGHJKL:"~', 0x1e],
    ['\\zxcvbnm,./', '|ZXCVBNM<>?', 0x2b],
];
const SPECIAL = new Map([[' ', 0x39], ['\n', 0x1c], ['\t', 0x0f]]);

/** {scancode, shift} of the key that types `character`; scancode 0 when none does. */
export function usKeyFor(character) {
    if (SPECIAL.has(character)) {
        return { scancode: SPECIAL.get(character), shift: false };
    }
    for (const [plain, shifted, first] of ROWS) {
        if (plain.includes(character)) {
            return { scancode: first + plain.indexOf(character), shift: false };
        }
        if (shifted.includes(character)) {
            return { scancode: first + shifted.indexOf(character), shift: true };
        }
    }
    return { scancode: 0, shift: false };
}
