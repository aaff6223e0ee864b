// SPDX-License-Identifier: Apache-2.0

import { writePixelFormat } from './pixel-format.js';

/** Client message type numbers (RFC 6143 section 7.5). */
export const ClientMessageType = Object.freeze({
    SET_PIXEL_FORMAT: 0,
    SET_ENCODINGS: 2,
    FRAMEBUFFER_UPDATE_REQUEST: 3,
    KEY_EVENT: 4,
    POINTER_EVENT: 5,
    CLIENT_CUT_TEXT: 6,
    ENABLE_CONTINUOUS_UPDATES: 150,
    FENCE: 248,
    XVP: 250,
    SET_DESKTOP_SIZE: 251,
    QEMU_CLIENT_MESSAGE: 255,
});

function checkRange(value, min, max, what) {
    if (!Number.isInteger(value) || value < min || value > max) {
        throw new RangeError(`${what} ${value} outside ${min}..${max}`);
    }
}

/**
 * Writes client-to-server messages (RFC 6143 section 7.5) to an RfbOutput, one method per message,
 * fields in wire order: the Java core's ClientMessageWriter. Arguments out of range throw
 * RangeError: they are bugs in the caller, never data from the server.
 */
export class ClientMessageWriter {
    /** @param {import('./rfb-output.js').RfbOutput} out */
    constructor(out) {
        this._out = out;
    }

    /** SetPixelFormat, RFC 6143 section 7.5.1. */
    setPixelFormat(pf) {
        this._out.writeU8(ClientMessageType.SET_PIXEL_FORMAT) // message-type
            .pad(3); // padding
        writePixelFormat(pf, this._out); // pixel-format
    }

    /** SetEncodings, RFC 6143 section 7.5.2: encodings in order of preference. */
    setEncodings(encodings) {
        checkRange(encodings.length, 0, 0xffff, 'number of encodings');
        this._out.writeU8(ClientMessageType.SET_ENCODINGS) // message-type
            .pad(1) // padding
            .writeU16(encodings.length); // number-of-encodings
        for (const encoding of encodings) {
            checkRange(encoding, -0x80000000, 0x7fffffff, 'encoding');
            this._out.writeS32(encoding); // encoding-type
        }
    }

    /** FramebufferUpdateRequest, RFC 6143 section 7.5.3. */
    framebufferUpdateRequest(incremental, x, y, width, height) {
        checkArea(x, y, width, height);
        this._out.writeU8(ClientMessageType.FRAMEBUFFER_UPDATE_REQUEST) // message-type
            .writeU8(incremental ? 1 : 0); // incremental
        this._writeArea(x, y, width, height);
    }

    _writeArea(x, y, width, height) {
        this._out.writeU16(x) // x-position
            .writeU16(y) // y-position
            .writeU16(width) // width
            .writeU16(height); // height
    }

    /** KeyEvent, RFC 6143 section 7.5.4: an X11 keysym going down or up. */
    keyEvent(down, keysym) {
        checkRange(keysym, 0, 0xffffffff, 'keysym');
        this._out.writeU8(ClientMessageType.KEY_EVENT) // message-type
            .writeU8(down ? 1 : 0) // down-flag
            .pad(2) // padding
            .writeU32(keysym); // key
    }

    /**
     * PointerEvent, RFC 6143 section 7.5.5: buttonMask bit 0 is the left button, 1 middle, 2 right,
     * 3 and 4 the vertical wheel up and down, 5 and 6 the horizontal wheel left and right.
     */
    pointerEvent(buttonMask, x, y) {
        checkRange(buttonMask, 0, 0xff, 'button mask');
        checkRange(x, 0, 0xffff, 'x');
        checkRange(y, 0, 0xffff, 'y');
        this._out.writeU8(ClientMessageType.POINTER_EVENT) // message-type
            .writeU8(buttonMask) // button-mask
            .writeU16(x) // x-position
            .writeU16(y); // y-position
    }

    /**
     * ClientCutText, RFC 6143 section 7.5.6. The protocol carries Latin-1 only: characters outside
     * it become "?"; CR LF and lone CR become LF, the only line end the RFC allows.
     */
    clientCutText(text) {
        const codes = Array.from(text.replace(/\r\n?/g, '\n'), (ch) => {
            const code = ch.codePointAt(0);
            return code <= 0xff ? code : 0x3f;
        });
        this._out.writeU8(ClientMessageType.CLIENT_CUT_TEXT) // message-type
            .pad(3) // padding
            .writeU32(codes.length) // length
            .writeBytes(Uint8Array.from(codes)); // text
    }

    /**
     * An ExtendedClipboard message: ClientCutText with the negated length of `flags` and `data`, as
     * ExtendedClipboard builds them.
     */
    extendedCutText(flags, data) {
        this._out.writeU8(ClientMessageType.CLIENT_CUT_TEXT) // message-type
            .pad(3) // padding
            .writeU32(-(4 + data.length) >>> 0) // length, negative: extended
            .writeU32(flags >>> 0) // flags
            .writeBytes(data); // action's data
    }

    /**
     * QEMU's extended key event: the keysym together with the XT scancode of the key pressed (QEMU's
     * form: an e0-prefixed key is 0x80 or'ed with its second byte), so a guest gets the key whatever
     * its layout.
     */
    qemuExtendedKeyEvent(down, keysym, scancode) {
        checkRange(keysym, 0, 0xffffffff, 'keysym');
        checkRange(scancode, 0, 0xffffffff, 'scancode');
        this._out.writeU8(ClientMessageType.QEMU_CLIENT_MESSAGE) // message-type
            .writeU8(0) // submessage-type: extended key event
            .writeU16(down ? 1 : 0) // down-flag
            .writeU32(keysym) // keysym
            .writeU32(scancode); // keycode
    }

    /** XVP: ask for a power action (2 shutdown, 3 reboot, 4 reset). */
    xvp(code) {
        checkRange(code, 0, 0xff, 'xvp code');
        this._out.writeU8(ClientMessageType.XVP) // message-type
            .pad(1) // padding
            .writeU8(1) // xvp-extension-version
            .writeU8(code); // xvp-message-code
    }

    /** EnableContinuousUpdates (community RFB extensions): the area the server keeps sending, or stop. */
    enableContinuousUpdates(enable, x, y, width, height) {
        checkArea(x, y, width, height);
        this._out.writeU8(ClientMessageType.ENABLE_CONTINUOUS_UPDATES) // message-type
            .writeU8(enable ? 1 : 0); // enable-flag
        this._writeArea(x, y, width, height);
    }

    /** Fence (community RFB extensions), a request or an answer; the payload is at most 64 bytes. */
    fence(flags, payload) {
        checkRange(payload.length, 0, 64, 'fence payload length');
        this._out.writeU8(ClientMessageType.FENCE) // message-type
            .pad(3) // padding
            .writeU32(flags) // flags
            .writeU8(payload.length) // length
            .writeBytes(payload); // payload
    }

    /** SetDesktopSize (community RFB extensions): the framebuffer size and screens this client asks for. */
    setDesktopSize(width, height, layout) {
        checkRange(width, 0, 0xffff, 'width');
        checkRange(height, 0, 0xffff, 'height');
        checkRange(layout.screens.length, 1, 0xff, 'number of screens');
        this._out.writeU8(ClientMessageType.SET_DESKTOP_SIZE) // message-type
            .pad(1) // padding
            .writeU16(width) // width
            .writeU16(height) // height
            .writeU8(layout.screens.length) // number-of-screens
            .pad(1); // padding
        layout.write(this._out); // screens
    }
}

function checkArea(x, y, width, height) {
    checkRange(x, 0, 0xffff, 'x');
    checkRange(y, 0, 0xffff, 'y');
    checkRange(width, 0, 0xffff, 'width');
    checkRange(height, 0, 0xffff, 'height');
}
