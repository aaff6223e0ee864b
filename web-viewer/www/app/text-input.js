// SPDX-License-Identifier: Apache-2.0

import { XK, keysymFromChar } from '../core/input/keysyms.js';

/*
 * The viewer's hidden text field: the element a phone's on-screen keyboard or an IME types into,
 * as they give no usable key events on a canvas, and what its input events stand for.
 */

/** The field, invisible and out of the way, for the viewer to put in its container. */
export function createTextInput(document) {
    const field = document.createElement('textarea');
    field.className = 'rfbridge-text-input';
    field.setAttribute('autocapitalize', 'off');
    field.setAttribute('autocomplete', 'off');
    field.setAttribute('spellcheck', 'false');
    field.setAttribute('aria-label', 'Keyboard input for the remote desktop');
    Object.assign(field.style, {
        position: 'absolute', left: '0', top: '0', width: '1px', height: '1px', opacity: '0',
        border: '0', padding: '0', resize: 'none', overflow: 'hidden',
    });
    return field;
}

/** The keysyms that type `text`, one per character; characters with no keysym are left out. */
export function keysymsOfText(text) {
    const keysyms = [];
    for (const ch of text) {
        const keysym = ch === '\n' ? XK.Return : keysymFromChar(ch);
        if (keysym !== null) {
            keysyms.push(keysym);
        }
    }
    return keysyms;
}

/** The keysyms an `input` event on the field stands for, each to be pressed and released in turn. */
export function keysymsOfInput(inputType, data) {
    if (inputType === 'deleteContentBackward') {
        return [XK.BackSpace];
    }
    if (inputType === 'insertLineBreak') {
        return [XK.Return];
    }
    return data ? keysymsOfText(data) : [];
}
