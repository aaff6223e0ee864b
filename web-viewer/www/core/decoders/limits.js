// SPDX-License-Identifier: Apache-2.0

import { RfbProtocolError } from '../errors.js';

/**
 * Largest framebuffer side accepted, as TigerVNC's viewer does: a canvas cannot be larger in
 * practice, and it bounds every pixel buffer a server can make us allocate.
 */
export const MAX_FRAMEBUFFER_SIDE = 16384;

/** Largest cursor side accepted (TigerVNC's limit; real cursors are 32 to 128 pixels). */
export const MAX_CURSOR_SIDE = 256;

/** Throws RfbProtocolError when a framebuffer of this size is not accepted. */
export function checkFramebufferSize(width, height, what) {
    if (width > MAX_FRAMEBUFFER_SIDE || height > MAX_FRAMEBUFFER_SIDE) {
        throw new RfbProtocolError(`${what}: framebuffer ${width}x${height} is larger than ` +
            `${MAX_FRAMEBUFFER_SIDE}x${MAX_FRAMEBUFFER_SIDE}`);
    }
}
