// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DecoderRegistry } from '../www/core/decoders/decoder-registry.js';
import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { ErrorCode } from '../www/core/error-codes.js';
import { RfbError } from '../www/core/errors.js';
import { RfbConnection } from '../www/core/rfb-connection.js';
import { decodeImage } from '../test-support/image-decoding.js';
import { mutate } from '../test-support/mutations.js';
import { randomInt, seededRandom } from '../test-support/prng.js';
import { clientOptions, loadVectors, skipList, stepBytes } from '../test-support/protocol-vectors.js';

/*
 * Mutation fuzzing from the vectors, the twin of the Java core's ProtocolVectorsFuzzTest: every
 * vector's server bytes, mutated and delivered in random chunks, must end in a finished update, a
 * starved connection or an error with a code; never an internal error (a check missing before the
 * display's own), a throw that is not an RfbError, or a loop that makes no progress.
 * RFB_FUZZ_MUTANTS=N mutants per vector (default 64), RFB_VECTOR_SEED=S for the seed.
 */
const MUTANTS = Number(process.env.RFB_FUZZ_MUTANTS ?? 64);
const SEED = Number(process.env.RFB_VECTOR_SEED ?? 20261202);

function run(client, mutant, closes, random, where) {
    const connection = new RfbConnection({
        display: new MemoryDisplay({ decodeImage }),
        securityTypes: client.securityTypes,
        shared: client.shared,
        pixelFormat: client.pixelFormat,
        decoders: new DecoderRegistry(client.encodings),
        maxCutTextBytes: client.maxCutTextBytes,
        events: { onFramebufferUpdate: () => connection.updateConsumed() },
    });
    connection.credentials.password = client.password;
    connection.credentials.cancelled = client.password === undefined;
    try {
        for (let at = 0; at < mutant.length;) {
            const size = Math.min(mutant.length - at, randomInt(random, 1, random() < 0.5 ? 8 : 512));
            connection.receive(mutant.slice(at, at + size));
            at += size;
            let steps = 0;
            while (connection.step()) {
                assert.ok(++steps <= 4 * mutant.length + 1000, `${where}: ${steps} steps without running out of bytes`);
            }
            connection.takeOutput();
        }
        if (closes) {
            connection.endOfStream();
        }
        return null;
    } catch (error) {
        if (!(error instanceof RfbError)) {
            throw new assert.AssertionError({ message: `${where}: threw ${error?.stack ?? error}` });
        }
        return error;
    }
}

test('mutants of every vector end cleanly', () => {
    const random = seededRandom(SEED);
    const skips = skipList();
    let runs = 0;
    let failed = 0;
    for (const vector of loadVectors().filter((v) => !skips.has(v.id))) {
        const server = Buffer.concat(vector.script.filter((s) => s.server !== undefined).map((s) => stepBytes(s.server)));
        const closes = vector.script.some((s) => s.close !== undefined);
        for (let m = 0; m < MUTANTS; m++) {
            const mutantSeed = Math.floor(random() * 2 ** 32);
            const mutant = mutate(server, seededRandom(mutantSeed));
            const where = `${vector.id} mutant seed ${mutantSeed} (${Buffer.from(mutant.subarray(0, 200)).toString('hex')})`;
            const failure = run(clientOptions(vector.json.client), mutant, closes, seededRandom(mutantSeed + 1), where);
            assert.notEqual(failure?.code, ErrorCode.INTERNAL, `${where}: internal error ${failure?.message}`);
            runs++;
            failed += failure === null ? 0 : 1;
        }
    }
    console.log(`protocol vector fuzzing: ${runs} mutants, ${failed} ended with an error code, seed ${SEED}`);
});
