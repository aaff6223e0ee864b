// SPDX-License-Identifier: Apache-2.0

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RGB888 } from '../www/core/pixel-format.js';

/**
 * Loads the language-neutral vector suite of protocol-tests/ (format: protocol-tests/README.md),
 * which the Java core's runner loads too: every vectors/**\/*.json with `include` steps resolved
 * from fragments/, and this language's skip list.
 */
export const ROOT = fileURLToPath(new URL('../../protocol-tests/', import.meta.url));

/** What a vector's client announces when it names no encodings (protocol-tests/README.md). */
export const DEFAULT_ENCODINGS = Object.freeze([1, 0, -239, -223, -224]);

/**
 * A vector's `client` object with the suite's defaults filled in: securityTypes (undefined leaves the
 * core's default), password, shared, pixelFormat, encodings, maxCutTextBytes.
 */
export function clientOptions(client = {}) {
    return {
        securityTypes: client.securityTypes,
        password: client.password,
        shared: client.shared ?? true,
        pixelFormat: client.pixelFormat ?? RGB888,
        encodings: client.encodings ?? DEFAULT_ENCODINGS,
        maxCutTextBytes: client.maxCutTextBytes,
    };
}

export function readJson(path) {
    return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

function walk(dir) {
    return readdirSync(dir).sort().flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : name.endsWith('.json') ? [path] : [];
    });
}

function expand(script, where) {
    return script.flatMap((step) => {
        if (step.include === undefined) {
            return [step];
        }
        const file = `fragments/${step.include}.json`;
        if (!existsSync(join(ROOT, file))) {
            throw new Error(`${where}: no fragment ${step.include}`);
        }
        return expand(readJson(file).script, step.include);
    });
}

/** @returns {{id: string, json: object, script: object[]}[]} in file order */
export function loadVectors() {
    const dir = join(ROOT, 'vectors');
    return walk(dir).map((path) => {
        const id = relative(dir, path).replaceAll('\\', '/').replace(/\.json$/, '');
        const json = JSON.parse(readFileSync(path, 'utf8'));
        return { id, json, script: expand(json.script ?? [], id) };
    });
}

/** Vector id to reason, from skip-js.txt (`id  # reason` per line). */
export function skipList() {
    const file = join(ROOT, 'skip-js.txt');
    const skips = new Map();
    if (!existsSync(file)) {
        return skips;
    }
    for (const line of readFileSync(file, 'utf8').split('\n')) {
        const entry = line.trim();
        if (entry === '' || entry.startsWith('#')) {
            continue;
        }
        const hash = entry.indexOf('#');
        skips.set((hash < 0 ? entry : entry.slice(0, hash)).trim(), hash < 0 ? '' : entry.slice(hash + 1).trim());
    }
    return skips;
}

/** The bytes of a `server` or `client` step: hex, or a list of hex, {ascii} and {fill, count} parts. */
export function stepBytes(spec) {
    const parts = (Array.isArray(spec) ? spec : [spec]).map((part) => {
        if (typeof part === 'string') {
            return Uint8Array.from(Buffer.from(part.replace(/\s+/g, ''), 'hex'));
        }
        if (part.ascii !== undefined) {
            return Uint8Array.from(part.ascii, (ch) => ch.charCodeAt(0));
        }
        if (part.fill !== undefined) {
            const unit = Buffer.from(part.fill.replace(/\s+/g, ''), 'hex');
            const all = new Uint8Array(unit.length * part.count);
            for (let i = 0; i < part.count; i++) {
                all.set(unit, i * unit.length);
            }
            return all;
        }
        throw new Error(`not a byte part: ${JSON.stringify(part)}`);
    });
    return Uint8Array.from(Buffer.concat(parts));
}
