// SPDX-License-Identifier: Apache-2.0

/**
 * A small seeded PRNG (mulberry32) so "random" chunking is the same on every run and a failure
 * names the seed that reproduces it.
 * @returns {() => number} floats in [0, 1)
 */
export function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Whole numbers in [min, max] from a seeded generator. */
export function randomInt(random, min, max) {
    return min + Math.floor(random() * (max - min + 1));
}
