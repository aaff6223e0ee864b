// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { RfbClient } from '../www/core/rfb-client.js';
import { SecurityType } from '../www/core/security/security-types.js';
import { decodeImage } from '../test-support/image-decoding.js';
import { recordingLogger } from '../test-support/session.js';
import { TcpTransport } from '../test-support/tcp-transport.js';
import { missingPrograms, passwordFile, startServer } from '../test-support/vnc-servers.js';

/*
 * The client against real servers over TCP (no proxy): VNC Authentication with the real DES,
 * the real pixel format, DesktopSize from xrandr, TightVNC security. Skipped, loudly, where the
 * servers are not installed.
 */

const PASSWORD = 'secret12';

function skipReason(packages, ...programs) {
    const missing = missingPrograms(...programs);
    if (missing.length === 0) {
        return false;
    }
    const message = `SKIPPED (missing system package ${packages}: ${missing.join(', ')} not found)`;
    console.error(message);
    return message;
}

/** Resolves with the next `type` event; rejects on disconnect first or after `ms`. */
function next(client, type, ms = 10000) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(reject, new Error(`no ${type} event within ${ms} ms`)), ms);
        const onEvent = (detail) => finish(resolve, detail);
        const onDisconnect = (detail) => finish(reject, new Error(`disconnected before ${type}: ${detail.reason}`));
        function finish(settle, value) {
            clearTimeout(timer);
            client.off(type, onEvent);
            client.off('disconnect', onDisconnect);
            settle(value);
        }
        client.on(type, onEvent);
        if (type !== 'disconnect') {
            client.on('disconnect', onDisconnect);
        }
    });
}

/** Resolves when the display has finished `count` updates in all. */
function updates(display, count, ms = 10000) {
    const deadline = Date.now() + ms;
    return new Promise((resolve, reject) => {
        const poll = () => {
            if (display.updatesFinished >= count) {
                resolve();
            } else if (Date.now() > deadline) {
                reject(new Error(`only ${display.updatesFinished} updates within ${ms} ms`));
            } else {
                setTimeout(poll, 20);
            }
        };
        poll();
    });
}

function open(port, options = {}) {
    // The client asks for Tight with JPEG by default: the desktops here are solid colours, which
    // servers send as fills, but a JPEG rectangle must still decode.
    const display = new MemoryDisplay({ decodeImage });
    const errors = [];
    const client = new RfbClient({ transport: new TcpTransport(port), display, logger: recordingLogger(), ...options });
    client.on('error', (detail) => errors.push(detail));
    return { client, display, errors };
}

function x11(display, ...command) {
    const result = spawnSync(command[0], command.slice(1), { env: { ...process.env, DISPLAY: `:${display}` }, timeout: 10000 });
    assert.equal(result.status, 0, `${command.join(' ')}: ${result.stderr}`);
}

describe('against TigerVNC Xvnc', { skip: skipReason('tigervnc-standalone-server, tigervnc-tools, x11-xserver-utils', 'Xvnc', 'vncpasswd', 'xsetroot', 'xrandr'), timeout: 60000 }, () => {
    let server;
    before(async () => {
        server = await startServer('Xvnc', (display, port, directory) => [`:${display}`, '-rfbport', String(port),
            '-localhost', '-SecurityTypes', 'VncAuth', '-PasswordFile', passwordFile(directory, PASSWORD),
            '-geometry', '320x200', '-depth', '24', '-desktop', 'rfbridge live Xvnc']);
        x11(server.display, 'xsetroot', '-solid', '#123456');
    });
    after(async () => server?.stop());

    test('connects with the password and shows the server\'s screen pixel for pixel', { timeout: 20000 }, async () => {
        const { client, display, errors } = open(server.port);
        const asked = next(client, 'credentialsrequired');
        const connected = next(client, 'connect');
        assert.deepEqual(await asked, { types: ['password'] });
        client.sendCredentials({ password: PASSWORD });
        await connected;
        assert.equal(client.desktopName, 'rfbridge live Xvnc');
        assert.equal(client.protocolVersion, '3.8');
        await updates(display, 1);
        assert.deepEqual([display.width, display.height], [320, 200]);
        assert.deepEqual(display.pixel(0, 0), [0x12, 0x34, 0x56, 255]);
        assert.deepEqual(display.pixel(319, 199), [0x12, 0x34, 0x56, 255]);
        assert.deepEqual(errors, []);
        client.disconnect();
    });

    test('a wrong password shows the server\'s reason', { timeout: 20000 }, async () => {
        const { client, errors } = open(server.port, { credentials: { password: 'wrong' } });
        const ended = await next(client, 'disconnect');
        assert.equal(errors.length, 1);
        assert.equal(errors[0].kind, 'auth');
        assert.match(ended.reason, /^authentication failed: \S/);
    });

    test('xrandr on the server resizes the framebuffer', { timeout: 20000 }, async () => {
        const { client, display } = open(server.port, { credentials: { password: PASSWORD } });
        await next(client, 'connect');
        await updates(display, 1);
        const resized = next(client, 'resize');
        x11(server.display, 'xrandr', '--fb', '400x300');
        assert.deepEqual(await resized, { width: 400, height: 300 });
        await updates(display, 2);
        assert.deepEqual([display.width, display.height], [400, 300]);
        client.disconnect();
        x11(server.display, 'xrandr', '--fb', '320x200');
    });
});

describe('against TightVNC Xtightvnc', { skip: skipReason('tightvncserver, tigervnc-tools', 'Xtightvnc', 'vncpasswd'), timeout: 60000 }, () => {
    let server;
    before(async () => {
        server = await startServer('Xtightvnc', (display, port, directory) => [`:${display}`, '-rfbport', String(port),
            '-localhost', '-rfbauth', passwordFile(directory, PASSWORD), '-geometry', '240x160', '-depth', '24',
            '-desktop', 'rfbridge live Xtightvnc']);
    });
    after(async () => server?.stop());

    test('TightVNC security (type 16) with VNC Authentication inside', { timeout: 20000 }, async () => {
        const { client, display, errors } = open(server.port, {
            credentials: { password: PASSWORD }, securityTypes: [SecurityType.TIGHT],
        });
        await next(client, 'connect');
        assert.match(client.desktopName, /rfbridge live Xtightvnc/);
        await updates(display, 1);
        assert.deepEqual([display.width, display.height], [240, 160]);
        assert.deepEqual(errors, []);
        client.disconnect();
    });

    test('plain VNC Authentication, and a wrong password', { timeout: 20000 }, async () => {
        const good = open(server.port, { credentials: { password: PASSWORD } });
        await next(good.client, 'connect');
        await updates(good.display, 1);
        good.client.disconnect();
        const bad = open(server.port, { credentials: { password: 'wrong' } });
        const ended = await next(bad.client, 'disconnect');
        assert.equal(bad.errors[0]?.kind, 'auth');
        assert.match(ended.reason, /^authentication failed/);
    });
});
