// SPDX-License-Identifier: Apache-2.0

/*
 * KeyboardEvent.key / .code / .location -> X11 keysym, as RFB KeyEvent messages carry them.
 *
 * The table XK is written by hand with the X11 names; tools/check-keysyms.js (also run by
 * test/keysyms.test.js where the headers are installed) checks every value against
 * /usr/include/X11/keysymdef.h and XF86keysym.h. No DOM here: callers pass the event's fields.
 */

/** Keysyms by their X11 name (keysymdef.h without the XK_ prefix; XF86 ones with it). */
export const XK = Object.freeze({
    BackSpace: 0xff08,
    Tab: 0xff09,
    Clear: 0xff0b,
    Return: 0xff0d,
    Pause: 0xff13,
    Scroll_Lock: 0xff14,
    Sys_Req: 0xff15,
    Escape: 0xff1b,
    Multi_key: 0xff20,
    Kanji: 0xff21,
    Muhenkan: 0xff22,
    Henkan_Mode: 0xff23,
    Romaji: 0xff24,
    Hiragana: 0xff25,
    Katakana: 0xff26,
    Hiragana_Katakana: 0xff27,
    Zenkaku: 0xff28,
    Hankaku: 0xff29,
    Zenkaku_Hankaku: 0xff2a,
    Eisu_toggle: 0xff30,
    Hangul: 0xff31,
    Hangul_Hanja: 0xff34,
    Home: 0xff50,
    Left: 0xff51,
    Up: 0xff52,
    Right: 0xff53,
    Down: 0xff54,
    Prior: 0xff55,
    Next: 0xff56,
    End: 0xff57,
    Select: 0xff60,
    Print: 0xff61,
    Execute: 0xff62,
    Insert: 0xff63,
    Undo: 0xff65,
    Redo: 0xff66,
    Menu: 0xff67,
    Find: 0xff68,
    Cancel: 0xff69,
    Help: 0xff6a,
    Break: 0xff6b,
    Mode_switch: 0xff7e,
    Num_Lock: 0xff7f,
    KP_Enter: 0xff8d,
    KP_Home: 0xff95,
    KP_Left: 0xff96,
    KP_Up: 0xff97,
    KP_Right: 0xff98,
    KP_Down: 0xff99,
    KP_Prior: 0xff9a,
    KP_Next: 0xff9b,
    KP_End: 0xff9c,
    KP_Begin: 0xff9d,
    KP_Insert: 0xff9e,
    KP_Delete: 0xff9f,
    KP_Equal: 0xffbd,
    KP_Multiply: 0xffaa,
    KP_Add: 0xffab,
    KP_Separator: 0xffac,
    KP_Subtract: 0xffad,
    KP_Decimal: 0xffae,
    KP_Divide: 0xffaf,
    KP_0: 0xffb0,
    KP_1: 0xffb1,
    KP_2: 0xffb2,
    KP_3: 0xffb3,
    KP_4: 0xffb4,
    KP_5: 0xffb5,
    KP_6: 0xffb6,
    KP_7: 0xffb7,
    KP_8: 0xffb8,
    KP_9: 0xffb9,
    F1: 0xffbe,
    F2: 0xffbf,
    F3: 0xffc0,
    F4: 0xffc1,
    F5: 0xffc2,
    F6: 0xffc3,
    F7: 0xffc4,
    F8: 0xffc5,
    F9: 0xffc6,
    F10: 0xffc7,
    F11: 0xffc8,
    F12: 0xffc9,
    F13: 0xffca,
    F14: 0xffcb,
    F15: 0xffcc,
    F16: 0xffcd,
    F17: 0xffce,
    F18: 0xffcf,
    F19: 0xffd0,
    F20: 0xffd1,
    F21: 0xffd2,
    F22: 0xffd3,
    F23: 0xffd4,
    F24: 0xffd5,
    Shift_L: 0xffe1,
    Shift_R: 0xffe2,
    Control_L: 0xffe3,
    Control_R: 0xffe4,
    Caps_Lock: 0xffe5,
    Meta_L: 0xffe7,
    Meta_R: 0xffe8,
    Alt_L: 0xffe9,
    Alt_R: 0xffea,
    Super_L: 0xffeb,
    Super_R: 0xffec,
    Hyper_L: 0xffed,
    Hyper_R: 0xffee,
    ISO_Level3_Shift: 0xfe03,
    Delete: 0xffff,
    space: 0x0020,
    less: 0x003c,
    XF86MonBrightnessUp: 0x1008ff02,
    XF86MonBrightnessDown: 0x1008ff03,
    XF86Standby: 0x1008ff10,
    XF86AudioLowerVolume: 0x1008ff11,
    XF86AudioMute: 0x1008ff12,
    XF86AudioRaiseVolume: 0x1008ff13,
    XF86AudioPlay: 0x1008ff14,
    XF86AudioStop: 0x1008ff15,
    XF86AudioPrev: 0x1008ff16,
    XF86AudioNext: 0x1008ff17,
    XF86HomePage: 0x1008ff18,
    XF86Mail: 0x1008ff19,
    XF86Search: 0x1008ff1b,
    XF86AudioRecord: 0x1008ff1c,
    XF86Calculator: 0x1008ff1d,
    XF86Back: 0x1008ff26,
    XF86Forward: 0x1008ff27,
    XF86Stop: 0x1008ff28,
    XF86Refresh: 0x1008ff29,
    XF86PowerOff: 0x1008ff2a,
    XF86WakeUp: 0x1008ff2b,
    XF86Eject: 0x1008ff2c,
    XF86Sleep: 0x1008ff2f,
    XF86Favorites: 0x1008ff30,
    XF86AudioPause: 0x1008ff31,
    XF86Copy: 0x1008ff57,
    XF86Cut: 0x1008ff58,
    XF86LogOff: 0x1008ff61,
    XF86Paste: 0x1008ff6d,
    XF86Hibernate: 0x1008ffa8,
});

/**
 * Named KeyboardEvent.key values -> X11 name. A pair is [left, right], chosen by the event's
 * code or location; keys that exist on both sides of a keyboard must arrive as distinct keysyms so
 * the server can release the right one.
 */
const NAMED_KEYS = Object.freeze({
    Backspace: 'BackSpace',
    Tab: 'Tab',
    Clear: 'Clear',
    Enter: 'Return',
    Pause: 'Pause',
    ScrollLock: 'Scroll_Lock',
    Escape: 'Escape',
    Compose: 'Multi_key',
    KanjiMode: 'Kanji',
    NonConvert: 'Muhenkan',
    Convert: 'Henkan_Mode',
    Romaji: 'Romaji',
    Hiragana: 'Hiragana',
    Katakana: 'Katakana',
    HiraganaKatakana: 'Hiragana_Katakana',
    Zenkaku: 'Zenkaku',
    Hankaku: 'Hankaku',
    ZenkakuHankaku: 'Zenkaku_Hankaku',
    Eisu: 'Eisu_toggle',
    HangulMode: 'Hangul',
    HanjaMode: 'Hangul_Hanja',
    Home: 'Home',
    ArrowLeft: 'Left',
    ArrowUp: 'Up',
    ArrowRight: 'Right',
    ArrowDown: 'Down',
    PageUp: 'Prior',
    PageDown: 'Next',
    End: 'End',
    Select: 'Select',
    PrintScreen: 'Print',
    Execute: 'Execute',
    Insert: 'Insert',
    Undo: 'Undo',
    Redo: 'Redo',
    ContextMenu: 'Menu',
    Find: 'Find',
    Cancel: 'Cancel',
    Help: 'Help',
    ModeChange: 'Mode_switch',
    NumLock: 'Num_Lock',
    CapsLock: 'Caps_Lock',
    Delete: 'Delete',
    AltGraph: 'ISO_Level3_Shift',
    Shift: ['Shift_L', 'Shift_R'],
    Control: ['Control_L', 'Control_R'],
    Alt: ['Alt_L', 'Alt_R'],
    // The Windows / Command key: "Meta" in current browsers, "OS" in older Firefox. X calls it Super.
    Meta: ['Super_L', 'Super_R'],
    OS: ['Super_L', 'Super_R'],
    Super: ['Super_L', 'Super_R'],
    Hyper: ['Hyper_L', 'Hyper_R'],
    BrightnessUp: 'XF86MonBrightnessUp',
    BrightnessDown: 'XF86MonBrightnessDown',
    Standby: 'XF86Standby',
    AudioVolumeDown: 'XF86AudioLowerVolume',
    AudioVolumeMute: 'XF86AudioMute',
    AudioVolumeUp: 'XF86AudioRaiseVolume',
    MediaPlayPause: 'XF86AudioPlay',
    MediaPlay: 'XF86AudioPlay',
    MediaPause: 'XF86AudioPause',
    MediaStop: 'XF86AudioStop',
    MediaTrackPrevious: 'XF86AudioPrev',
    MediaTrackNext: 'XF86AudioNext',
    MediaRecord: 'XF86AudioRecord',
    BrowserHome: 'XF86HomePage',
    BrowserSearch: 'XF86Search',
    BrowserBack: 'XF86Back',
    BrowserForward: 'XF86Forward',
    BrowserStop: 'XF86Stop',
    BrowserRefresh: 'XF86Refresh',
    BrowserFavorites: 'XF86Favorites',
    LaunchMail: 'XF86Mail',
    LaunchCalculator: 'XF86Calculator',
    Power: 'XF86PowerOff',
    PowerOff: 'XF86PowerOff',
    WakeUp: 'XF86WakeUp',
    Eject: 'XF86Eject',
    Hibernate: 'XF86Hibernate',
    LogOff: 'XF86LogOff',
    Copy: 'XF86Copy',
    Cut: 'XF86Cut',
    Paste: 'XF86Paste',
});

/** Keys of the numeric keypad by the character or name they produce. */
const KEYPAD_KEYS = Object.freeze({
    0: 'KP_0', 1: 'KP_1', 2: 'KP_2', 3: 'KP_3', 4: 'KP_4',
    5: 'KP_5', 6: 'KP_6', 7: 'KP_7', 8: 'KP_8', 9: 'KP_9',
    '.': 'KP_Decimal',
    ',': 'KP_Separator',
    '+': 'KP_Add',
    '-': 'KP_Subtract',
    '*': 'KP_Multiply',
    '/': 'KP_Divide',
    '=': 'KP_Equal',
    Enter: 'KP_Enter',
    // With Num Lock off the keypad navigates.
    Home: 'KP_Home',
    ArrowLeft: 'KP_Left',
    ArrowUp: 'KP_Up',
    ArrowRight: 'KP_Right',
    ArrowDown: 'KP_Down',
    PageUp: 'KP_Prior',
    PageDown: 'KP_Next',
    End: 'KP_End',
    Clear: 'KP_Begin',
    Insert: 'KP_Insert',
    Delete: 'KP_Delete',
});

/**
 * Physical keys -> what a US keyboard produces unshifted, for events whose `key` says nothing
 * useful ("Unidentified", or a control character while Ctrl is held in some browsers).
 */
const US_LAYOUT_CODES = Object.freeze({
    Backquote: '`', Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\',
    Semicolon: ';', Quote: '\'', Comma: ',', Period: '.', Slash: '/', Space: ' ', IntlBackslash: '<',
    ...Object.fromEntries(Array.from('abcdefghijklmnopqrstuvwxyz', (ch) => [`Key${ch.toUpperCase()}`, ch])),
    ...Object.fromEntries(Array.from('0123456789', (ch) => [`Digit${ch}`, ch])),
});

/** Keypad codes -> the key value they have with Num Lock on. */
const KEYPAD_CODES = Object.freeze({
    ...Object.fromEntries(Array.from('0123456789', (ch) => [`Numpad${ch}`, ch])),
    NumpadDecimal: '.', NumpadComma: ',', NumpadAdd: '+', NumpadSubtract: '-',
    NumpadMultiply: '*', NumpadDivide: '/', NumpadEqual: '=', NumpadEnter: 'Enter',
});

/** Own properties only: a key named "toString" must not find Object.prototype's. */
function lookUp(table, name) {
    return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** The key value a physical key has on a US layout (ShiftLeft -> Shift, KeyA -> a, F5 -> F5). */
function keyFromCode(code) {
    const character = lookUp(US_LAYOUT_CODES, code) ?? lookUp(KEYPAD_CODES, code);
    if (character !== undefined) {
        return character;
    }
    const sided = /^(Shift|Control|Alt|Meta|OS)(Left|Right)$/.exec(code);
    if (sided) {
        return sided[1];
    }
    return code;
}

const LOCATION_RIGHT = 2;
const LOCATION_NUMPAD = 3;

/**
 * The keysym of a character: Latin-1 characters are their own keysym, every other Unicode
 * character is 0x01000000 + its code point (the X11 convention). Control characters have none.
 * @param {string} ch one code point
 * @returns {number|null}
 */
export function keysymFromChar(ch) {
    const code = ch.codePointAt(0);
    if (code === undefined || code < 0x20 || (code >= 0x7f && code < 0xa0)) {
        return null;
    }
    if (code <= 0xff) {
        return code;
    }
    return 0x01000000 + code;
}

function isSingleCharacter(key) {
    return typeof key === 'string' && key.length > 0 && key.length <= 2 && [...key].length === 1;
}

/**
 * The keysym for a keyboard event, or null when the event should not reach the server (a dead
 * key, whose composed character arrives with the next event; IME composition; unknown keys).
 * @param {{key?: string, code?: string, location?: number}} event fields of a KeyboardEvent
 * @returns {number|null}
 */
export function keysymFromEvent({ key = '', code = '', location = 0 }) {
    if (key === 'Dead' || key === 'Process') {
        return null;
    }
    const onKeypad = location === LOCATION_NUMPAD || code.startsWith('Numpad');
    if (key === 'Unidentified' || key === '' || (isSingleCharacter(key) && keysymFromChar(key) === null)) {
        key = keyFromCode(code);
    }
    const keypadName = onKeypad ? lookUp(KEYPAD_KEYS, key) : undefined;
    if (keypadName !== undefined) {
        return XK[keypadName];
    }
    if (isSingleCharacter(key)) {
        return keysymFromChar(key);
    }
    const name = lookUp(NAMED_KEYS, key);
    if (Array.isArray(name)) {
        const right = code.endsWith('Right') || location === LOCATION_RIGHT;
        return XK[name[right ? 1 : 0]];
    }
    if (name !== undefined) {
        return XK[name];
    }
    const functionKey = /^F([1-9]|1[0-9]|2[0-4])$/.exec(key);
    if (functionKey) {
        return XK.F1 + Number(functionKey[1]) - 1;
    }
    return null;
}
