// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Backoff } from '../www/app/backoff.js';
import { SETTING_CHOICES, applySettings, settingsOf } from '../www/app/encoding-settings.js';
import { readPageOptions, webSocketUrl } from '../www/app/page-options.js';
import { SessionStats, describeSession } from '../www/app/session-stats.js';
import { AdaptiveEncoding } from '../www/core/adaptive-encoding.js';
import { DecodeStats } from '../www/core/decode-stats.js';
import { DecoderRegistry } from '../www/core/decoders/decoder-registry.js';
import { EncodingPreferences } from '../www/core/encoding-preferences.js';
import { Encoding } from '../www/core/encodings.js';
import { LinkEstimate } from '../www/core/link-estimate.js';

describe('page options', () => {
    test('defaults', () => {
        assert.deepEqual(readPageOptions('http://h:6080/'), {
            token: '', path: 'websockify', autoconnect: false, viewOnly: false, resize: 'scale',
            reconnect: true, shared: true, passwordInUrl: false, pathRefused: false,
            encodingPreferences: EncodingPreferences.auto(), settingsRefused: [],
            clipboardSend: true, clipboardReceive: true,
        });
    });

    test('each way of the clipboard can be turned off', () => {
        const options = readPageOptions('http://h/?clipboard_send=0&clipboard_receive=1');
        assert.equal(options.clipboardSend, false);
        assert.equal(options.clipboardReceive, true);
        assert.equal(readPageOptions('http://h/?clipboard_receive=off').clipboardReceive, false);
    });

    test('encoding, quality and compression, with noVNC\'s names for the last two', () => {
        const options = readPageOptions('http://h/?encoding=ZRLE&quality=3&compression=9');
        assert.deepEqual(options.encodingPreferences,
            EncodingPreferences.auto().preferring(Encoding.ZRLE).withQuality(3).withCompression(9));
        assert.deepEqual(options.settingsRefused, []);
        assert.equal(readPageOptions('http://h/?quality=lossless').encodingPreferences.quality,
            EncodingPreferences.LOSSLESS);
        assert.deepEqual(readPageOptions('http://h/?quality=auto&compression=auto&encoding=auto').encodingPreferences,
            EncodingPreferences.auto());
        for (const [word, encoding] of [['tight', Encoding.TIGHT], ['hextile', Encoding.HEXTILE], ['zlib', Encoding.ZLIB],
            ['rre', Encoding.RRE], ['raw', Encoding.RAW], ['tightpng', Encoding.TIGHT_PNG]]) {
            assert.equal(readPageOptions(`http://h/?encoding=${word}`).encodingPreferences.preferred, encoding, word);
        }
    });

    test('an encoding setting that does not parse keeps its default and says why; the others apply', () => {
        const options = readPageOptions('http://h/?encoding=h264&quality=10&compression=3');
        assert.deepEqual(options.encodingPreferences, EncodingPreferences.auto().withCompression(3));
        assert.deepEqual(options.settingsRefused, [
            "encoding 'h264' is not auto, tight, zrle, hextile, zlib, rre, raw, tightpng",
            "quality '10' is not auto, lossless or 0..9",
        ]);
        assert.deepEqual(readPageOptions('http://h/?compression=high&encoding=copyrect').settingsRefused, [
            "encoding 'copyrect' is not auto, tight, zrle, hextile, zlib, rre, raw, tightpng",
            "compression 'high' is not auto or 0..9",
        ]);
        assert.deepEqual(readPageOptions('http://h/?quality=').settingsRefused, ["quality '' is not auto, lossless or 0..9"]);
    });

    test('a path that would take the WebSocket, the token and the login to another host is refused', () => {
        for (const path of ['\\evil.example/x', '/\\evil.example', '%5C%5Cevil.example', '%09/evil.example',
            '/%0A/evil.example']) {
            const options = readPageOptions(`http://h:6080/?autoconnect=1&token=secret&path=${path}`);
            assert.equal(options.pathRefused, true, path);
            assert.equal(options.path, 'websockify', path);
            assert.equal(new URL(webSocketUrl('http://h:6080/', options)).host, 'h:6080', path);
        }
        assert.throws(() => webSocketUrl('http://h:6080/', { path: '\\evil.example' }), /leaves this page's origin/);
        assert.throws(() => webSocketUrl('http://h:6080/', { path: '\t/evil.example' }), /leaves this page's origin/);
        // Leading slashes are only ever stripped, so "//x" stays a path here.
        assert.equal(webSocketUrl('http://h:6080/', readPageOptions('http://h:6080/?path=//x/y')), 'ws://h:6080/x/y');
    });

    test('a deep link', () => {
        const options = readPageOptions('https://h/?token=abc%20d&autoconnect=1&path=/vnc/ws&view_only=true&scale=none&reconnect=0&password=x');
        assert.equal(options.token, 'abc d');
        assert.equal(options.path, 'vnc/ws');
        assert.equal(options.autoconnect, true);
        assert.equal(options.viewOnly, true);
        assert.equal(options.resize, 'off', 'scale=none is the older name of resize=off');
        assert.equal(options.reconnect, false);
        assert.equal(options.passwordInUrl, true);
        assert.equal(Object.values(options).includes('x'), false, 'the password is never kept');
    });

    test('WebSocket URL follows the page: ws next to http, wss next to https, token escaped', () => {
        assert.equal(webSocketUrl('http://h:6080/x/?a=1'), 'ws://h:6080/websockify');
        assert.equal(webSocketUrl('https://h/', { path: '/vnc', token: 'a&b' }), 'wss://h/vnc?token=a%26b');
    });
});

describe('Backoff', () => {
    test('doubles up to the maximum with bounded spread, and resets after a stable session', () => {
        const backoff = new Backoff({ first: 1000, max: 8000, random: () => 0 });
        assert.deepEqual([1, 2, 3, 4, 5].map(() => backoff.next()), [1000, 2000, 4000, 8000, 8000]);
        backoff.sessionEnded(500);
        assert.equal(backoff.next(), 8000);
        backoff.sessionEnded(60000);
        assert.equal(backoff.next(), 1000);
        assert.equal(new Backoff({ first: 1000, random: () => 1 }).next(), 1200);
    });
});

describe('layering', () => {
    test('nothing in core/ outside display/ and input/ touches the DOM', () => {
        const root = new URL('../www/core/', import.meta.url);
        const offenders = [];
        const walk = (dir, relative) => {
            for (const entry of readdirSync(dir, { withFileTypes: true })) {
                const path = `${relative}${entry.name}`;
                if (entry.isDirectory()) {
                    if (path !== 'display' && path !== 'input') {
                        walk(new URL(`${entry.name}/`, dir), `${path}/`);
                    }
                } else if (/\b(document|window)\b/.test(readFileSync(new URL(entry.name, dir), 'utf8')
                    .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))) {
                    offenders.push(path);
                }
            }
        };
        walk(root, '');
        assert.deepEqual(offenders, []);
    });

    test('input/ mapping logic is DOM-free too', () => {
        for (const name of ['keyboard.js', 'pointer.js', 'touch.js', 'keysyms.js']) {
            const text = readFileSync(new URL(`../www/core/input/${name}`, import.meta.url), 'utf8');
            assert.doesNotMatch(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''), /\b(document|window|addEventListener)\b/, name);
        }
    });
});

describe('page files', () => {
    const www = new URL('../www/', import.meta.url);

    test('every file index.html loads exists', () => {
        const html = readFileSync(new URL('index.html', www), 'utf8');
        const references = [...html.matchAll(/(?:src|href)="([^"#:]+)"/g)].map((match) => match[1]);
        assert.ok(references.includes('app/main.js'), 'the page loads its script');
        for (const reference of references) {
            assert.doesNotThrow(() => readFileSync(new URL(reference, www)), reference);
        }
    });

    test('every relative import in app/ resolves, and every element main.js looks up is in index.html', () => {
        const html = readFileSync(new URL('index.html', www), 'utf8');
        for (const name of readdirSync(new URL('app/', www)).filter((file) => file.endsWith('.js'))) {
            const file = new URL(`app/${name}`, www);
            const text = readFileSync(file, 'utf8');
            for (const [, path] of text.matchAll(/from '(\.[^']+)'/g)) {
                assert.doesNotThrow(() => readFileSync(new URL(path, file)), `${name} imports ${path}`);
            }
        }
        const main = readFileSync(new URL('app/main.js', www), 'utf8');
        for (const [, id] of main.matchAll(/\$\('([\w-]+)'\)/g)) {
            assert.match(html, new RegExp(`id="${id}"`), `#${id}`);
        }
    });
});

describe('paste routing', () => {
    test('a paste reaches the server only from the screen, never from the page\'s own fields', async () => {
        const { pasteGoesToServer } = await import('../www/app/paste-target.js');
        const html = { name: 'html' };
        const body = { name: 'body', parentElement: html };
        const canvas = { name: 'canvas' };
        const screen = { name: 'screen', contains: (node) => node === screen || node === canvas };
        const password = { name: 'password input' };
        const token = { name: 'token input' };
        const panel = { name: 'clipboard panel' };
        assert.equal(pasteGoesToServer(canvas, screen, body), true);
        assert.equal(pasteGoesToServer(screen, screen, body), true);
        assert.equal(pasteGoesToServer(body, screen, body), true, 'nothing focused');
        for (const field of [password, token, panel]) {
            assert.equal(pasteGoesToServer(field, screen, body), false, field.name);
        }
    });
});

describe('encoding settings', () => {
    test('every choice the menu offers parses, and reads back as itself', () => {
        for (const [setting, choices] of Object.entries(SETTING_CHOICES)) {
            for (const [word] of choices) {
                const { preferences, refused } = applySettings({ [setting]: word });
                assert.deepEqual(refused, [], `${setting}=${word}`);
                assert.equal(settingsOf(preferences)[setting], word, `${setting}=${word}`);
            }
        }
        assert.deepEqual(settingsOf(EncodingPreferences.auto()), { encoding: 'auto', quality: 'auto', compression: 'auto' });
    });

    test('one setting changes only itself', () => {
        const base = EncodingPreferences.auto().preferring(Encoding.ZRLE).withQuality(2).withCompression(5);
        assert.deepEqual(applySettings({ quality: 'lossless' }, base).preferences,
            base.withQuality(EncodingPreferences.LOSSLESS));
        assert.deepEqual(applySettings({ encoding: 'auto' }, base).preferences, base.anyEncoding());
        assert.deepEqual(applySettings({ compression: 'x' }, base), { preferences: base,
            refused: ["compression 'x' is not auto or 0..9"] });
    });
});

describe('session status', () => {
    test('rates and the dominant encoding over each interval', () => {
        const stats = new DecodeStats();
        const sampler = new SessionStats();
        assert.deepEqual(sampler.sample(1000, stats.snapshot()), { updatesPerSecond: 0, bytesPerSecond: 0, encoding: '' });
        for (let i = 0; i < 30; i++) {
            stats.received(1000);
            stats.rectDone(Encoding.TIGHT, 1000, 0);
            stats.rectDone(Encoding.CURSOR, 10, 0);
            stats.rectDone(Encoding.CURSOR, 10, 0);
            stats.updateDone();
        }
        assert.deepEqual(sampler.sample(2000, stats.snapshot()),
            { updatesPerSecond: 30, bytesPerSecond: 30000, encoding: 'Tight' });
        assert.deepEqual(sampler.sample(2500, stats.snapshot()),
            { updatesPerSecond: 0, bytesPerSecond: 0, encoding: 'Tight' }, 'nothing painted: the last one stays');
        stats.rectDone(Encoding.ZRLE, 10, 0);
        assert.equal(sampler.sample(3500, stats.snapshot()).encoding, 'ZRLE');
    });

    test('what the status line says of a session', () => {
        const link = new LinkEstimate();
        link.requested(0);
        link.arrived(41, 0, 1448);
        link.arrived(141, 1448, 292_500);
        link.updateDone(1448 + 292_500);
        const choice = new AdaptiveEncoding(EncodingPreferences.auto(), DecoderRegistry.standard());
        const sample = { updatesPerSecond: 29.7, bytesPerSecond: 0, encoding: 'Tight' };
        assert.equal(`connected to desk · ${describeSession({ encodingChoice: choice, link }, sample)}`,
            'connected to desk · Tight (JPEG quality 6, auto) · 23.4 Mbit/s, 41 ms · 30 updates/s');
        const fixed = new AdaptiveEncoding(EncodingPreferences.auto().withQuality(EncodingPreferences.LOSSLESS),
            DecoderRegistry.standard());
        assert.equal(describeSession({ encodingChoice: fixed, link: new LinkEstimate() }, { ...sample, encoding: 'ZRLE' }),
            'ZRLE (lossless) · bandwidth not measured yet · 30 updates/s');
        assert.equal(describeSession({ encodingChoice: choice, link: new LinkEstimate() }, { ...sample, encoding: '' }),
            'JPEG quality 6, auto · bandwidth not measured yet · 30 updates/s', 'before anything was painted');
    });
});
