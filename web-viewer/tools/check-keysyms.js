#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0

/*
 * Checks the hand-written keysym table (www/core/input/keysyms.js) against the X11 headers, so a
 * typo in a hex value cannot hide. Run: node tools/check-keysyms.js [include-dir]
 * (default /usr/include/X11, from Debian's x11proto-dev). test/keysyms.test.js runs the same check.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XK } from '../www/core/input/keysyms.js';

export const DEFAULT_INCLUDE_DIR = '/usr/include/X11';

/** keysym name -> value from "#define XK_name 0x..." and "#define XF86XK_name 0x..." lines. */
export function parseKeysymHeaders(includeDir = DEFAULT_INCLUDE_DIR) {
    const values = new Map();
    for (const file of ['keysymdef.h', 'XF86keysym.h']) {
        const text = readFileSync(join(includeDir, file), 'latin1');
        for (const match of text.matchAll(/^#define\s+(XF86)?XK_(\w+)\s+(0x[0-9a-fA-F]+)/gm)) {
            values.set((match[1] ?? '') + match[2], Number(match[3]));
        }
    }
    return values;
}

/** Lines describing every entry of XK that is missing from the headers or has another value. */
export function findMismatches(headerValues) {
    const problems = [];
    for (const [name, value] of Object.entries(XK)) {
        const expected = headerValues.get(name);
        if (expected === undefined) {
            problems.push(`${name}: not in the X11 headers`);
        } else if (expected !== value) {
            problems.push(`${name}: 0x${value.toString(16)} here, 0x${expected.toString(16)} in the headers`);
        }
    }
    return problems;
}

export function headersPresent(includeDir = DEFAULT_INCLUDE_DIR) {
    return existsSync(join(includeDir, 'keysymdef.h')) && existsSync(join(includeDir, 'XF86keysym.h'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const includeDir = process.argv[2] ?? DEFAULT_INCLUDE_DIR;
    if (!headersPresent(includeDir)) {
        console.error(`no keysymdef.h / XF86keysym.h in ${includeDir} (Debian: apt-get install x11proto-dev)`);
        process.exit(2);
    }
    const problems = findMismatches(parseKeysymHeaders(includeDir));
    problems.forEach((line) => console.error(line));
    console.log(`${Object.keys(XK).length} keysyms checked, ${problems.length} wrong`);
    process.exit(problems.length === 0 ? 0 : 1);
}
