// SPDX-License-Identifier: Apache-2.0

import { ErrorCode } from './error-codes.js';
import { RfbError } from './errors.js';

/*
 * Bounds on what a server can make the client wait for or allocate: the Java core's Limits, with the
 * same values; a test compares both with protocol-tests/limits.json. They follow TigerVNC's viewer;
 * none caps something real servers send.
 */

/** Largest framebuffer width or height: 16384 squared is 1 GiB of pixels. */
export const MAX_FRAMEBUFFER_SIDE = 16384;
/** Largest cursor width or height (real cursors are 32 to 128 pixels). */
export const MAX_CURSOR_SIDE = 256;
/** Longest desktop name or server reason, in bytes. */
export const MAX_STRING_BYTES = 64 * 1024;
/** Most TightVNC capabilities in one list (servers send a handful; each is 16 bytes). */
export const MAX_TIGHT_CAPABILITIES = 256;
/** Entries of a colour map: colour maps are 8-bit only. */
export const COLOUR_MAP_SIZE = 256;
/** Server clipboard text longer than this is skipped as it streams past, never stored. */
export const DEFAULT_MAX_CUT_TEXT_BYTES = 256 * 1024;

/**
 * Throws RfbError bad-framebuffer-size unless width x height is a size the client shows: an empty
 * desktop cannot be shown or asked for updates, a huge one would be a huge allocation.
 */
export function checkFramebufferSize(what, width, height) {
    if (width < 1 || height < 1 || width > MAX_FRAMEBUFFER_SIDE || height > MAX_FRAMEBUFFER_SIDE) {
        throw new RfbError(ErrorCode.BAD_FRAMEBUFFER_SIZE, `${what} ${width}x${height} is outside ` +
            `1x1..${MAX_FRAMEBUFFER_SIDE}x${MAX_FRAMEBUFFER_SIDE}`);
    }
}
