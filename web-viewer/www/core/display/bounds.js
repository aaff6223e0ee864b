// SPDX-License-Identifier: Apache-2.0

import { MAX_FRAMEBUFFER_SIDE } from '../limits.js';

/**
 * Checks that a rectangle lies inside a width x height framebuffer; throws RangeError otherwise.
 * Displays call it where they write, whatever the caller checked before.
 */
export function checkInside(x, y, w, h, width, height, what) {
    if (!(Number.isInteger(x) && Number.isInteger(y) && Number.isInteger(w) && Number.isInteger(h)) ||
        x < 0 || y < 0 || w < 0 || h < 0 || x + w > width || y + h > height) {
        throw new RangeError(`${what} ${w}x${h} at ${x},${y} outside the ${width}x${height} framebuffer`);
    }
}

/** Throws RangeError unless width and height are whole numbers from 0 to MAX_FRAMEBUFFER_SIDE. */
export function checkSize(width, height) {
    for (const side of [width, height]) {
        if (!Number.isInteger(side) || side < 0 || side > MAX_FRAMEBUFFER_SIDE) {
            throw new RangeError(`display size ${width}x${height} not allowed`);
        }
    }
}
