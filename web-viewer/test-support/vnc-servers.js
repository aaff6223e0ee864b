// SPDX-License-Identifier: Apache-2.0

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Real VNC servers for the live tests: started on a free port and a free X display, loopback
 * only, stopped by PID.
 */

/** Which of the programs are missing from PATH. */
export function missingPrograms(...programs) {
    return programs.filter((program) => spawnSync('sh', ['-c', `command -v ${program}`]).status !== 0);
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/** A display number in 40-99 with neither socket nor lock file. */
export function freeDisplay() {
    for (let attempt = 0; attempt < 100; attempt++) {
        const display = 40 + Math.floor(Math.random() * 60);
        if (!existsSync(`/tmp/.X11-unix/X${display}`) && !existsSync(`/tmp/.X${display}-lock`)) {
            return display;
        }
    }
    throw new Error('no free X display number in 40-99');
}

/** Resolves once something accepts TCP connections on the port; bounded by `timeoutMs`. */
export async function waitForPort(port, timeoutMs = 10000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        const open = await new Promise((resolve) => {
            const socket = connect({ port, host: '127.0.0.1' });
            socket.once('connect', () => {
                socket.destroy();
                resolve(true);
            });
            socket.once('error', () => resolve(false));
        });
        if (open) {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
}

/** A VNC password file (the same DES-obfuscated format for TigerVNC and TightVNC). */
export function passwordFile(directory, password) {
    const result = spawnSync('vncpasswd', ['-f'], { input: `${password}\n` });
    if (result.status !== 0) {
        throw new Error(`vncpasswd failed: ${result.stderr}`);
    }
    const file = join(directory, 'passwd');
    writeFileSync(file, result.stdout, { mode: 0o600 });
    return file;
}

/**
 * Starts a server program with arguments made from a free display and port.
 * @param {string} program 'Xvnc' or 'Xtightvnc'
 * @param {(display: number, port: number, directory: string) => string[]} makeArguments
 * @returns {Promise<{port: number, display: number, directory: string, log: () => string, stop: () => Promise<void>}>}
 */
export async function startServer(program, makeArguments) {
    const directory = mkdtempSync(join(tmpdir(), 'rfbridge-live-'));
    const port = await freePort();
    const display = freeDisplay();
    let output = '';
    const child = spawn(program, makeArguments(display, port, directory), {
        env: { ...process.env, HOME: directory },
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (data) => { output += data; });
    child.stderr.on('data', (data) => { output += data; });
    const stop = async () => {
        if (child.exitCode === null && child.signalCode === null) {
            const exited = new Promise((resolve) => child.once('exit', resolve));
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
            await exited;
            clearTimeout(timer);
        }
        rmSync(directory, { recursive: true, force: true });
    };
    try {
        await waitForPort(port);
    } catch (error) {
        await stop();
        throw new Error(`${program} did not start: ${error.message}\n${output}`);
    }
    return { port, display, directory, log: () => output, stop };
}
