// SPDX-License-Identifier: Apache-2.0

import { randomInt, seededRandom } from './prng.js';

/**
 * The ways tests cut a byte stream into messages: whole, one byte per message (on purpose: it
 * catches any reader that assumes a message boundary), and random sizes from fixed seeds.
 */
export const CHUNKINGS = [
    { name: 'whole', split: (bytes) => [bytes] },
    { name: 'one byte at a time', split: (bytes) => Array.from(bytes, (_, i) => bytes.subarray(i, i + 1)) },
    ...[1, 2, 3, 42, 2024].map((seed) => ({
        name: `random chunks (seed ${seed})`,
        split: (bytes) => randomChunks(bytes, seededRandom(seed)),
    })),
];

/** Cuts bytes into chunks of 1 to 64 bytes, or up to a quarter of the input, whichever is larger. */
export function randomChunks(bytes, random) {
    const chunks = [];
    const largest = Math.max(64, bytes.length >> 2);
    for (let at = 0; at < bytes.length;) {
        const size = Math.min(bytes.length - at, randomInt(random, 1, random() < 0.5 ? 8 : largest));
        chunks.push(bytes.subarray(at, at + size));
        at += size;
    }
    return chunks;
}

/** Concatenates byte arrays. */
export function concat(...parts) {
    const flat = parts.flat();
    const out = new Uint8Array(flat.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of flat) {
        out.set(part, at);
        at += part.length;
    }
    return out;
}
