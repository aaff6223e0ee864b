// SPDX-License-Identifier: Apache-2.0
//
// Drives headless Chromium over the DevTools protocol to measure a web VNC viewer at 1920x1080.
// Started by run.sh, which starts Xvnc, the proxies and the X workloads; see there.
//
//   node --experimental-websocket bench.mjs --viewer NAME=URL [--viewer ...] --seconds 10 \
//        --workload noise=CMD --workload scroll=CMD --click CMD --out FILE
//
// The same instrumentation measures every viewer, from what the page itself shows:
// - full-screen updates/s (noise): times every pixel of a 1-pixel column through the screen has
//   changed since the last count, checked on every animation frame;
// - updates/s (scroll): animation frames in which that column changed;
// - wire MB/s: WebSocket bytes received; rendered MB/s: full updates x 1920x1080x4 bytes;
// - click-to-pixel: from the page sending the PointerEvent with button 1 down to the canvas pixel
//   16 px up-left of the pointer turning white (polled with setTimeout, not tied to frames); the
//   workload paints a 48x48 square there, so the update is small for every encoding.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name) => args.flatMap((a, i) => (a === `--${name}` ? [args[i + 1]] : []));
const viewers = option('viewer').map((v) => ({ name: v.slice(0, v.indexOf('=')), url: v.slice(v.indexOf('=') + 1) }));
const workloads = option('workload').map((w) => ({ name: w.slice(0, w.indexOf('=')), command: w.slice(w.indexOf('=') + 1) }));
const clickCommand = option('click')[0];
const seconds = Number(option('seconds')[0] ?? 10);
const port = 9400 + (process.pid % 500);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const INSTRUMENT = `(() => {
  const m = globalThis.__bench = { rx: 0, downAt: 0, latencies: [], full: 0, changed: 0 };
  // Patched in place, not subclassed: noVNC checks the socket's prototype for WebSocket's own members.
  const Native = WebSocket;
  const nativeSend = Native.prototype.send;
  Native.prototype.send = function (data) {
    const b = data instanceof ArrayBuffer ? new Uint8Array(data)
      : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    // A PointerEvent with button 1 down; a viewer may batch it behind other messages in one send.
    if (b && !m.downAt) for (let i = 0; i + 6 <= b.length; i++) if (b[i] === 5 && (b[i + 1] & 1)) { m.downAt = performance.now(); break; }
    return nativeSend.call(this, data);
  };
  function Counting(...a) {
    const socket = new Native(...a);
    socket.addEventListener('message', (e) => { m.rx += e.data.byteLength ?? e.data.length ?? 0; });
    return socket;
  }
  Counting.prototype = Native.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) Counting[k] = Native[k];
  globalThis.WebSocket = Counting;
})();`;

/** Runs inside the page: watches a column of the viewer's canvas on every frame. */
// x = 108 crosses the scroll workload's blocks and stays clear of the X pointer, parked mid-screen.
const WATCH = `(() => {
  const COLUMN = 108;
  const m = globalThis.__bench;
  const canvas = [...document.querySelectorAll('canvas')].sort((a, b) => b.width * b.height - a.width * a.height)[0];
  const ctx = canvas.getContext('2d');
  let previous = null; let changedSince = null;
  const frame = () => {
    if (!m.stop) requestAnimationFrame(frame);
    if (canvas.width < 2 || canvas.height < 2) return;
    const col = new Uint32Array(ctx.getImageData(COLUMN, 0, 1, canvas.height).data.buffer);
    if (previous && previous.length === col.length) {
      let any = false;
      for (let i = 0; i < col.length; i++) if (col[i] !== previous[i]) { any = true; changedSince[i] = 1; }
      if (any) m.changed++;
      let n = 0;
      for (let i = 0; i < changedSince.length; i++) n += changedSince[i];
      m.coverage = n / changedSince.length;
      if (n === changedSince.length) { m.full++; changedSince.fill(0); }
    } else {
      changedSince = new Uint8Array(col.length);
    }
    previous = col;
  };
  requestAnimationFrame(frame);
  return [canvas.width, canvas.height];
})()`;

async function launch() {
    const profile = mkdtempSync(join(tmpdir(), 'rfbridge-bench-'));
    const chrome = spawn('chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic',
        '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`,
        '--window-size=1920,1200', 'about:blank'], { stdio: 'ignore' });
    let targets = null;
    for (let i = 0; i < 100 && targets === null; i++) {
        try {
            targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
        } catch {
            await sleep(100);
        }
    }
    const socket = new WebSocket(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
    await new Promise((resolve) => { socket.onopen = resolve; });
    let id = 0;
    const pending = new Map();
    socket.onmessage = (message) => {
        const reply = JSON.parse(message.data);
        pending.get(reply.id)?.(reply);
        pending.delete(reply.id);
    };
    const send = (method, params = {}) => new Promise((resolve) => {
        pending.set(++id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
    });
    const evaluate = async (expression) => {
        const reply = await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
        if (reply.result?.exceptionDetails) {
            throw new Error(JSON.stringify(reply.result.exceptionDetails).slice(0, 500));
        }
        return reply.result?.result?.value;
    };
    await send('Page.enable');
    await send('Page.addScriptToEvaluateOnNewDocument', { source: INSTRUMENT });
    return {
        send, evaluate,
        close() {
            socket.close();
            chrome.kill();
            setTimeout(() => rmSync(profile, { recursive: true, force: true }), 500);
        },
    };
}

function startWorkload(command) {
    const child = spawn('sh', ['-c', `exec ${command}`], { stdio: ['pipe', 'ignore', 'inherit'] });
    return { stop: () => { child.stdin.end(); setTimeout(() => child.kill(), 1000); } };
}

async function openViewer(browser, url) {
    await browser.send('Page.navigate', { url: 'about:blank' });
    await sleep(200);
    await browser.send('Page.navigate', { url });
    for (let i = 0; i < 200; i++) {
        await sleep(100);
        const size = await browser.evaluate(`(() => { const c = [...document.querySelectorAll('canvas')]
            .sort((a, b) => b.width * b.height - a.width * a.height)[0]; return c ? c.width + 'x' + c.height : ''; })()`)
            .catch(() => '');
        if (size === '1920x1080') {
            return;
        }
    }
    throw new Error(`${url}: the canvas never became 1920x1080`);
}

async function measureThroughput(browser, viewer, workload) {
    const load = startWorkload(workload.command);
    try {
        await openViewer(browser, viewer.url);
        await browser.evaluate(WATCH);
        await sleep(3000); // warm up: first full frame, JIT, server caches
        const before = await browser.evaluate('({...__bench, latencies: 0})');
        await sleep(seconds * 1000);
        const after = await browser.evaluate('({...__bench, latencies: 0})');
        await browser.evaluate('__bench.stop = true');
        const full = (after.full - before.full) / seconds;
        return {
            full,
            changed: (after.changed - before.changed) / seconds,
            wireMBps: (after.rx - before.rx) / seconds / 1e6,
            renderedMBps: full * 1920 * 1080 * 4 / 1e6,
        };
    } finally {
        load.stop();
        await sleep(500);
    }
}

async function measureClick(browser, viewer, clicks = 20) {
    const load = startWorkload(clickCommand);
    try {
        await sleep(1500);
        await openViewer(browser, viewer.url);
        await sleep(1500);
        const rect = await browser.evaluate(`(() => { const c = [...document.querySelectorAll('canvas')]
            .sort((a, b) => b.width * b.height - a.width * a.height)[0]; const r = c.getBoundingClientRect();
            return [r.left, r.top, r.width / c.width]; })()`);
        const x = Math.ceil(rect[0] + 960 * rect[2]);
        const y = Math.ceil(rect[1] + 540 * rect[2]);
        const latencies = [];
        await browser.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
        for (let i = 0; i < clicks; i++) {
            await browser.evaluate(`(() => {
                const m = __bench; m.downAt = 0;
                const c = [...document.querySelectorAll('canvas')].sort((a, b) => b.width * b.height - a.width * a.height)[0];
                const ctx = c.getContext('2d');
                const started = performance.now();
                const before = ctx.getImageData(944, 524, 1, 1).data;
                if (before[0] > 200) { m.seen = Promise.resolve(-2); return; }
                m.seen = new Promise((resolve) => {
                    const poll = () => {
                        const p = ctx.getImageData(944, 524, 1, 1).data;
                        if (m.downAt && p[0] > 200 && p[1] > 200 && p[2] > 200) resolve(performance.now() - m.downAt);
                        else if (performance.now() - started > 3000) resolve(-1);
                        else setTimeout(poll, 0);
                    };
                    poll();
                });
            })()`);
            await browser.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
            const latency = await browser.evaluate('__bench.seen');
            await browser.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
            if (latency >= 0) {
                latencies.push(latency);
            }
            await sleep(250);
        }
        latencies.sort((a, b) => a - b);
        return {
            clicks: latencies.length,
            median: latencies[Math.floor(latencies.length / 2)] ?? NaN,
            p90: latencies[Math.floor(latencies.length * 0.9)] ?? NaN,
        };
    } finally {
        load.stop();
        await sleep(500);
    }
}

const browser = await launch();
const rows = [];
try {
    for (const viewer of viewers) {
        const row = { viewer: viewer.name };
        for (const workload of workloads) {
            row[workload.name] = await measureThroughput(browser, viewer, workload);
            console.error(`${viewer.name} ${workload.name}: ${JSON.stringify(row[workload.name])}`);
        }
        if (clickCommand) {
            row.click = await measureClick(browser, viewer);
            console.error(`${viewer.name} click: ${JSON.stringify(row.click)}`);
        }
        rows.push(row);
    }
} finally {
    browser.close();
}

const f = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
// A scroll changes part of the screen each frame: its rate is frames with any change; the others change every
// pixel, so theirs is frames in which every pixel of the watched column changed.
const rate = (name, m) => (name === 'scroll' ? m?.changed : m?.full);
const names = workloads.map((w) => w.name);
const lines = [
    `| viewer | ${names.map((n) => `${n}: updates/s | ${n}: wire MB/s`).join(' | ')} | click-to-pixel median / p90 ms |`,
    `|---|${names.map(() => '---|---|').join('')}---|`,
    ...rows.map((r) => `| ${r.viewer} | ${names.map((n) => `${f(rate(n, r[n]))} | ${f(r[n]?.wireMBps, 2)}`).join(' | ')} | ` +
        `${f(r.click?.median)} / ${f(r.click?.p90)} (${r.click?.clicks ?? 0} clicks) |`),
];
console.log(lines.join('\n'));
const out = option('out')[0];
if (out) {
    writeFileSync(out, lines.join('\n') + '\n');
}
