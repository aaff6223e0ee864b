// SPDX-License-Identifier: Apache-2.0

/*
 * Rectangles are plain objects {x, y, width, height} (the message reader makes one per rectangle
 * header); this is the Java core's Rect for what more than one decoder needs of them.
 */

/** A rectangle as errors show it, `WxH+X+Y` (the X11 geometry notation), as in Java. */
export function describeRect({ x, y, width, height }) {
    return `${width}x${height}+${x}+${y}`;
}
