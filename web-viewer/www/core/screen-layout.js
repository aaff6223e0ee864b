// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';

/** Bytes of one screen on the wire: id, x, y, width, height, flags. */
export const SCREEN_BYTES = 16;

/**
 * The server's screens inside its framebuffer, as ExtendedDesktopSize reports them and
 * SetDesktopSize sends them back (the Java core's ScreenLayout; the rules are
 * protocol-tests/EXTENSIONS.md). A multi-monitor desktop keeps its monitors when the viewer asks
 * for another size: each screen is clipped to the new size rather than the layout replaced by one.
 */
export class ScreenLayout {
    /** @param {{id: number, x: number, y: number, width: number, height: number, flags: number}[]} screens */
    constructor(screens) {
        this.screens = Object.freeze(screens.map((s) => Object.freeze({ ...s })));
    }

    /** Reads `count` screens, whose bytes must all be available. */
    static read(input, count) {
        const screens = [];
        for (let i = 0; i < count; i++) {
            screens.push({
                id: input.readU32(), // id
                x: input.readU16(), // x-position
                y: input.readU16(), // y-position
                width: input.readU16(), // width
                height: input.readU16(), // height
                flags: input.readU32(), // flags
            });
        }
        return new ScreenLayout(screens);
    }

    /** Checks a layout the server applied: at least one screen, every screen inside the framebuffer. */
    validate(fbWidth, fbHeight) {
        if (this.screens.length === 0) {
            throw new RfbError(ErrorCode.BAD_MESSAGE, 'ExtendedDesktopSize with no screens');
        }
        this.screens.forEach((s, i) => {
            if (s.width === 0 || s.height === 0 || s.x + s.width > fbWidth || s.y + s.height > fbHeight) {
                throw new RfbError(ErrorCode.RECT_OUT_OF_BOUNDS, `ExtendedDesktopSize screen ${i + 1} of ` +
                    `${this.screens.length} (id ${s.id}) at ${s.x},${s.y} ${s.width}x${s.height} lies outside the ` +
                    `${fbWidth}x${fbHeight} framebuffer`);
            }
        });
    }

    /**
     * The layout to ask for with a `width`x`height` framebuffer: one screen becomes the whole of it;
     * several are each clipped to it, those left empty dropped, and if none is left the first takes it all.
     */
    resizedTo(width, height) {
        if (this.screens.length > 1) {
            const clipped = this.screens
                .map((s) => ({ ...s, width: Math.min(s.width, width - s.x), height: Math.min(s.height, height - s.y) }))
                .filter((s) => s.width > 0 && s.height > 0);
            if (clipped.length > 0) {
                return new ScreenLayout(clipped);
            }
        }
        const first = this.screens[0] ?? { id: 0, flags: 0 };
        return new ScreenLayout([{ id: first.id, x: 0, y: 0, width, height, flags: first.flags }]);
    }

    /** Writes the screens in SetDesktopSize's form. */
    write(out) {
        for (const s of this.screens) {
            out.writeU32(s.id); // id
            out.writeU16(s.x); // x-position
            out.writeU16(s.y); // y-position
            out.writeU16(s.width); // width
            out.writeU16(s.height); // height
            out.writeU32(s.flags); // flags
        }
    }

    /** What the user reads when the server refuses a size this client asked for, by status. */
    static refusal(status) {
        switch (status) {
        case 1: return 'the server does not allow resizing the desktop';
        case 2: return 'the server is out of resources for that size';
        case 3: return 'the server says the screen layout is invalid';
        default: return `the server refused the size (status ${status})`;
        }
    }
}
