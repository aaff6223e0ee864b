// SPDX-License-Identifier: Apache-2.0

/*
 * DES (FIPS 46-3), encryption and decryption of single 64-bit blocks, written for VNC
 * Authentication because Web Crypto has no DES. Speed does not matter (two blocks per login), so
 * this works on arrays of single bits and follows the standard's description step by step;
 * the tables below are the standard's, with bit 1 the most significant bit of the first byte.
 *
 * DES is broken; VNC Authentication only keeps out the casual. That is the protocol, not a
 * choice made here.
 */

const INITIAL_PERMUTATION = [
    58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4,
    62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
    57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3,
    61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];

const FINAL_PERMUTATION = (() => {
    const inverse = new Array(64);
    INITIAL_PERMUTATION.forEach((from, to) => {
        inverse[from - 1] = to + 1;
    });
    return inverse;
})();

// E: the 32-bit half widened to 48 bits, each 4-bit group taking one neighbour bit on each side.
const EXPANSION = (() => {
    const table = [];
    for (let group = 0; group < 8; group++) {
        for (let i = -1; i <= 4; i++) {
            table.push(((group * 4 + i + 32) % 32) + 1);
        }
    }
    return table;
})();

const P = [
    16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
    2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
];

const PERMUTED_CHOICE_1 = [
    57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
    10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
    63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
    14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];

const PERMUTED_CHOICE_2 = [
    14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10,
    23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
    41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
    44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];

const LEFT_SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];

// S1..S8, each 4 rows of 16, row chosen by the outer bits of a 6-bit group, column by the inner four.
const S_BOXES = [
    [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
        0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
        4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
        15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
    [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
        3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
        0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
        13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
    [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
        13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
        13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
        1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
    [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
        13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
        10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
        3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
    [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
        14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
        4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
        11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
    [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
        10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
        9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
        4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
    [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
        13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
        1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
        6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
    [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
        1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
        7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
        2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];

function toBits(bytes) {
    const bits = new Uint8Array(bytes.length * 8);
    for (let i = 0; i < bits.length; i++) {
        bits[i] = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
    }
    return bits;
}

function toBytes(bits) {
    const bytes = new Uint8Array(bits.length / 8);
    for (let i = 0; i < bits.length; i++) {
        bytes[i >> 3] |= bits[i] << (7 - (i & 7));
    }
    return bytes;
}

function permute(bits, table) {
    return Uint8Array.from(table, (position) => bits[position - 1]);
}

function rotateLeft(bits, count) {
    return Uint8Array.from(bits, (_, i) => bits[(i + count) % bits.length]);
}

/** The cipher function f(R, K): expand, mix in the subkey, substitute, permute. */
function feistel(right, subkey) {
    const mixed = permute(right, EXPANSION).map((bit, i) => bit ^ subkey[i]);
    const substituted = new Uint8Array(32);
    for (let box = 0; box < 8; box++) {
        const b = mixed.subarray(box * 6, box * 6 + 6);
        const row = (b[0] << 1) | b[5];
        const column = (b[1] << 3) | (b[2] << 2) | (b[3] << 1) | b[4];
        const value = S_BOXES[box][row * 16 + column];
        for (let i = 0; i < 4; i++) {
            substituted[box * 4 + i] = (value >> (3 - i)) & 1;
        }
    }
    return permute(substituted, P);
}

/** A DES key schedule: encrypts and decrypts 8-byte blocks under one 8-byte key. */
export class Des {
    /**
     * @param {Uint8Array} key 8 bytes; the low bit of each byte (parity) is ignored, as in DES.
     */
    constructor(key) {
        if (key.length !== 8) {
            throw new RangeError(`DES key must be 8 bytes, not ${key.length}`);
        }
        const choice = permute(toBits(key), PERMUTED_CHOICE_1);
        let c = choice.subarray(0, 28);
        let d = choice.subarray(28, 56);
        /** @type {Uint8Array[]} */
        this._subkeys = LEFT_SHIFTS.map((shift) => {
            c = rotateLeft(c, shift);
            d = rotateLeft(d, shift);
            const cd = new Uint8Array(56);
            cd.set(c, 0);
            cd.set(d, 28);
            return permute(cd, PERMUTED_CHOICE_2);
        });
    }

    /** @param {Uint8Array} block 8 bytes @returns {Uint8Array} 8 bytes */
    encryptBlock(block) {
        return this._crypt(block, this._subkeys);
    }

    /** @param {Uint8Array} block 8 bytes @returns {Uint8Array} 8 bytes */
    decryptBlock(block) {
        return this._crypt(block, [...this._subkeys].reverse());
    }

    _crypt(block, subkeys) {
        if (block.length !== 8) {
            throw new RangeError(`DES block must be 8 bytes, not ${block.length}`);
        }
        const bits = permute(toBits(block), INITIAL_PERMUTATION);
        let left = bits.slice(0, 32);
        let right = bits.slice(32, 64);
        for (const subkey of subkeys) {
            const f = feistel(right, subkey);
            const next = left.map((bit, i) => bit ^ f[i]);
            left = right;
            right = next;
        }
        // The halves are swapped once more before the final permutation.
        const preOutput = new Uint8Array(64);
        preOutput.set(right, 0);
        preOutput.set(left, 32);
        return toBytes(permute(preOutput, FINAL_PERMUTATION));
    }
}
