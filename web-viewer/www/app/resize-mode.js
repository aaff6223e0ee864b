// SPDX-License-Identifier: Apache-2.0

/*
 * How the desktop meets the viewer's area, in the words a link (`resize=`, noVNC's parameter) and
 * the page's menu share, as the JavaFX viewer's ResizeMode names them. No DOM.
 */

/** The modes, by their URL words. */
export const ResizeMode = Object.freeze({
    /** Pixel for pixel (one remote pixel per device pixel), the container scrolls. */
    OFF: 'off',
    /** Scaled to fit the container. */
    SCALE: 'scale',
    /** The server is asked to make its desktop the container's size; shown pixel for pixel. */
    REMOTE: 'remote',
});

/** The menu's choices as [word, label], in menu order. */
export const RESIZE_CHOICES = Object.freeze([
    [ResizeMode.REMOTE, 'Remote resize'],
    [ResizeMode.SCALE, 'Scale to fit'],
    [ResizeMode.OFF, 'Off (1:1)'],
]);

const WORDS = Object.values(ResizeMode);

/** The old `scale` parameter's words. */
const SCALE_WORDS = new Map([['fit', ResizeMode.SCALE], ['none', ResizeMode.OFF]]);

/**
 * The mode named `word` (any case, spaces around ignored).
 * @throws {RangeError} naming the words it takes, as the Java twin's parse does
 */
export function parseResizeMode(word) {
    const text = String(word).trim().toLowerCase();
    if (!WORDS.includes(text)) {
        // The Java enum's order, so both viewers refuse in the same words.
        throw new RangeError(`resize mode '${word}' is not one of off, scale, remote`);
    }
    return text;
}

/**
 * The mode a link asks for: `resize`, or when that is absent the old `scale` ("fit" or "none",
 * from before remote resizing). A word that does not parse gives the default, SCALE, and its
 * reason in `refused`.
 * @param {string|null} resize the link's `resize` value, null when absent
 * @param {string|null} scale the link's `scale` value, null when absent
 * @returns {{mode: string, refused: string[]}}
 */
export function resizeModeFromLink(resize, scale) {
    if (resize !== null) {
        try {
            return { mode: parseResizeMode(resize), refused: [] };
        } catch (error) {
            return { mode: ResizeMode.SCALE, refused: [error.message] };
        }
    }
    if (scale === null) {
        return { mode: ResizeMode.SCALE, refused: [] };
    }
    const legacy = SCALE_WORDS.get(scale.trim().toLowerCase());
    return legacy === undefined
        ? { mode: ResizeMode.SCALE, refused: [`scale '${scale}' is not fit or none (or use resize=off|scale|remote)`] }
        : { mode: legacy, refused: [] };
}
