// SPDX-License-Identifier: Apache-2.0

import { randomInt } from './prng.js';

/*
 * The mutations the fuzzers of both languages apply to a vector's server bytes (the Java twin is
 * org.rfbridge.rfb.vectors.Mutations): a flipped bit, a cut, a repeated slice, and a 2- or 4-byte
 * field set to an extreme, one to three of them per mutant.
 */
const EXTREMES = [0, 0xffff, 0xffffffff, 0x7fffffff, 0x80000000, 0x4000, 0x4001, 1];

/** A mutant of `original` (never modified), drawn from `random`. */
export function mutate(original, random) {
    let bytes = Uint8Array.from(original);
    const count = randomInt(random, 1, 3);
    for (let i = 0; i < count && bytes.length > 0; i++) {
        switch (randomInt(random, 0, 3)) {
        case 0:
            bytes[randomInt(random, 0, bytes.length - 1)] ^= 1 << randomInt(random, 0, 7);
            break;
        case 1:
            bytes = bytes.slice(0, randomInt(random, 0, bytes.length - 1));
            break;
        case 2: {
            const from = randomInt(random, 0, bytes.length - 1);
            const length = randomInt(random, 1, Math.min(64, bytes.length - from));
            const slice = bytes.subarray(from, from + length);
            const times = randomInt(random, 1, 3);
            const out = new Uint8Array(bytes.length + times * length);
            out.set(bytes.subarray(0, from + length), 0);
            for (let t = 0; t < times; t++) {
                out.set(slice, from + length + t * length);
            }
            out.set(bytes.subarray(from + length), from + length + times * length);
            bytes = out;
            break;
        }
        default: {
            const width = random() < 0.5 ? 2 : 4;
            if (bytes.length >= width) {
                const at = randomInt(random, 0, bytes.length - width);
                const value = EXTREMES[randomInt(random, 0, EXTREMES.length - 1)];
                for (let b = 0; b < width; b++) {
                    bytes[at + b] = Math.floor(value / 2 ** (8 * (width - 1 - b))) & 0xff;
                }
            }
        }
        }
    }
    return bytes;
}
