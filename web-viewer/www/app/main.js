// SPDX-License-Identifier: Apache-2.0

import { KEY_COMBINATIONS } from '../core/input/keyboard.js';
import { Backoff } from './backoff.js';
import { SETTING_CHOICES, applySettings, settingsOf } from './encoding-settings.js';
import { pasteGoesToServer } from './paste-target.js';
import { PasteTyper } from './paste-typer.js';
import { readPageOptions, webSocketUrl } from './page-options.js';
import { RESIZE_CHOICES } from './resize-mode.js';
import { SessionStats, describeSession } from './session-stats.js';
import { Viewer } from './viewer.js';

/*
 * The page served at "/": connect bar, status, tools (keys, encoding settings, resize mode, view
 * only, full screen), clipboard panel, password dialog, and reconnecting. The viewer itself (canvas
 * and input) is Viewer; this file only wires the page.
 */

const $ = (id) => document.getElementById(id);
const options = readPageOptions(location.href);
const viewer = new Viewer($('screen'), {
    resize: options.resize, viewOnly: options.viewOnly, shared: options.shared,
    encodingPreferences: options.encodingPreferences,
});
const backoff = new Backoff();

/**
 * Page state: whether the user wants a session, the password given this page load (memory only),
 * and the server's refusal of the size asked for, shown beside "connected" until the desktop resizes.
 */
const session = {
    wanted: false, password: undefined, connectedAt: 0, retryTimer: 0, countdown: 0, lastError: null, statusTimer: 0,
    resizeRefused: '',
};

// For tests, benchmarks and the console.
globalThis.rfbridge = { viewer, options, session };

function setStatus(text, kind = '') {
    stopStatusRefresh();
    $('status-text').textContent = text;
    $('status-details').textContent = '';
    $('status').title = text;
    $('status').className = kind;
}

/*
 * While connected the status line also says, refreshed once a second, which encoding paints, the
 * quality asked for, the link and the update rate. Those words go in a part of the status that is
 * not a live region, so that a screen reader does not read them out every second.
 */
function startStatusRefresh(label) {
    stopStatusRefresh();
    const stats = new SessionStats();
    const refresh = () => {
        const client = viewer.client;
        if (!viewer.connected) {
            stopStatusRefresh();
            return;
        }
        const details = ` · ${describeSession(client, stats.sample(performance.now(), client.stats))}`;
        $('status-details').textContent = details;
        $('status').title = `${label}${details}`;
    };
    stats.sample(performance.now(), viewer.client.stats);
    session.statusTimer = setInterval(refresh, 1000);
}

function stopStatusRefresh() {
    clearInterval(session.statusTimer);
    session.statusTimer = 0;
}

function setConnectedUi(active) {
    $('connect').hidden = active;
    $('disconnect').hidden = !active;
    $('token').disabled = active;
}

function connect() {
    clearRetry();
    session.wanted = true;
    session.lastError = null;
    const url = webSocketUrl(location.href, { path: options.path, token: $('token').value.trim() });
    setStatus(`connecting to ${location.host}…`);
    setConnectedUi(true);
    viewer.connect(url, { password: session.password });
}

function disconnect() {
    session.wanted = false;
    clearRetry();
    viewer.disconnect();
}

function clearRetry() {
    clearTimeout(session.retryTimer);
    clearInterval(session.countdown);
    session.retryTimer = 0;
}

function scheduleReconnect(reason) {
    const delay = backoff.next();
    let left = Math.ceil(delay / 1000);
    const show = () => setStatus(`disconnected: ${reason} — reconnecting in ${left} s`, 'error');
    show();
    session.countdown = setInterval(() => {
        left = Math.max(0, left - 1);
        show();
    }, 1000);
    session.retryTimer = setTimeout(() => {
        clearInterval(session.countdown);
        if (session.wanted) {
            connect();
        }
    }, delay);
}

/** The status while connected: the desktop's name, and a resize the server refused, if it did. */
function showConnected() {
    const name = viewer.client.desktopName || location.host;
    const label = session.resizeRefused ? `connected to ${name} — ${session.resizeRefused}` : `connected to ${name}`;
    setStatus(label, session.resizeRefused ? 'warn' : 'ok');
    startStatusRefresh(label);
}

viewer.addEventListener('connect', () => {
    session.connectedAt = Date.now();
    session.resizeRefused = '';
    showConnected();
    viewer.focus();
});
viewer.addEventListener('resize-refused', (event) => {
    session.resizeRefused = event.detail.message;
    if (viewer.connected) {
        showConnected();
    }
});
viewer.addEventListener('resize', () => {
    // The desktop took a new size after all: the refusal no longer holds.
    if (session.resizeRefused && viewer.connected) {
        session.resizeRefused = '';
        showConnected();
    }
});
viewer.addEventListener('desktopname', (event) => {
    document.title = `${event.detail.name} – rfbridge`;
});
viewer.addEventListener('error', (event) => {
    session.lastError = event.detail;
});
viewer.addEventListener('disconnect', (event) => {
    session.resizeRefused = '';
    const { clean, reason } = event.detail;
    const error = session.lastError;
    const upFor = session.connectedAt ? Date.now() - session.connectedAt : 0;
    session.connectedAt = 0;
    backoff.sessionEnded(upFor);
    $('password-dialog').open && $('password-dialog').close('cancel');
    if (clean || !session.wanted) {
        setStatus(clean ? 'disconnected' : `disconnected: ${reason}`, clean ? '' : 'error');
        setConnectedUi(false);
        return;
    }
    // A refused password, no common security type or a server speaking nonsense will say the same
    // again: stop there.
    if (error && ['auth', 'security', 'protocol'].includes(error.kind)) {
        if (error.kind === 'auth') {
            session.password = undefined;
        }
        session.wanted = false;
        setStatus(`disconnected: ${reason}`, 'error');
        setConnectedUi(false);
        return;
    }
    if (!options.reconnect) {
        session.wanted = false;
        setStatus(`disconnected: ${reason}`, 'error');
        setConnectedUi(false);
        return;
    }
    scheduleReconnect(reason);
});
viewer.addEventListener('credentialsrequired', () => {
    const dialog = $('password-dialog');
    $('password').value = '';
    setStatus('the server asks for a password');
    dialog.returnValue = '';
    dialog.showModal();
    $('password').focus();
});
$('password-dialog').addEventListener('close', () => {
    const dialog = $('password-dialog');
    if (dialog.returnValue === 'ok') {
        session.password = $('password').value;
        $('password').value = '';
        setStatus('authenticating…');
        viewer.sendCredentials(session.password);
    } else if (viewer.client && !viewer.client.closed && !viewer.connected) {
        disconnect();
    }
});

// Clipboard: the server's text lands in the panel and, where the browser lets us, the system clipboard;
// each way can be turned off in the link (clipboard_send=0, clipboard_receive=0).
let lastClipboard = null;
const sendClipboard = (text, note) => {
    if (!options.clipboardSend) {
        $('clipboard-note').textContent = 'sending the clipboard is off for this page';
        return;
    }
    lastClipboard = text;
    viewer.sendClipboard(text);
    $('clipboard-note').textContent = note;
};
viewer.addEventListener('clipboard', (event) => {
    if (!options.clipboardReceive) {
        return;
    }
    const text = event.detail.text;
    lastClipboard = text;
    $('clipboard-text').value = text;
    $('clipboard-note').textContent = `received ${text.length} characters`;
    navigator.clipboard?.writeText?.(text).catch(() => {
        // Without focus or permission the browser refuses; the panel still has the text.
    });
});
viewer.addEventListener('clipboard-dropped', (event) => {
    $('clipboard-note').textContent = event.detail.message;
    setStatus(`clipboard: ${event.detail.message}`, 'error');
});
// Coming back to the page is when a user who copied something elsewhere wants to paste it remotely.
window.addEventListener('focus', () => {
    if (!options.clipboardSend || !viewer.connected || !navigator.clipboard?.readText) {
        return;
    }
    navigator.clipboard.readText().then((text) => {
        if (text && text !== lastClipboard) {
            $('clipboard-text').value = text;
            sendClipboard(text, 'the system clipboard sent');
        }
    }).catch(() => {
        // Not allowed here: the panel and paste still work.
    });
});
$('clipboard-send').addEventListener('click', () => sendClipboard($('clipboard-text').value, 'sent'));
$('clipboard-text').addEventListener('paste', () => {
    // Let the paste land first, then send what the panel holds.
    setTimeout(() => sendClipboard($('clipboard-text').value, 'pasted text sent'), 0);
});
document.addEventListener('paste', (event) => {
    if (!pasteGoesToServer(event.target, $('screen'), document.body)) {
        return;
    }
    const text = event.clipboardData?.getData('text/plain');
    if (text) {
        $('clipboard-text').value = text;
        sendClipboard(text, 'pasted text sent');
    }
});
const typer = new PasteTyper((keysym, down, scancode) => viewer.sendKey(keysym, down, scancode),
    (message) => {
        $('clipboard-note').textContent = message;
    });
$('clipboard-type').addEventListener('click', () => typer.type($('clipboard-text').value));
$('clipboard-stop').addEventListener('click', () => typer.cancel());

// Power actions, once the server offers them (XVP); each asks first.
viewer.addEventListener('xvp', () => {
    $('power-menu').hidden = false;
});
viewer.addEventListener('xvp-failed', () => setStatus('the server could not do the power action', 'error'));
for (const button of document.querySelectorAll('#power-menu [data-xvp]')) {
    button.addEventListener('click', () => {
        if (confirm(`${button.textContent} the remote machine?`)) {
            viewer.powerAction(Number(button.dataset.xvp));
        }
        $('power-menu').open = false;
    });
}
viewer.addEventListener('disconnect', () => {
    $('power-menu').hidden = true;
    typer.cancel();
});

$('clipboard-button').addEventListener('click', () => {
    const panel = $('clipboard-panel');
    panel.hidden = !panel.hidden;
    $('clipboard-button').setAttribute('aria-expanded', String(!panel.hidden));
});

// Bell: a short beep where audio is allowed, and a flash of the screen's border always.
let audio = null;
viewer.addEventListener('bell', () => {
    document.body.classList.add('flash');
    setTimeout(() => document.body.classList.remove('flash'), 150);
    try {
        audio ??= new AudioContext();
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        gain.gain.value = 0.05;
        oscillator.frequency.value = 880;
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start();
        oscillator.stop(audio.currentTime + 0.1);
    } catch {
        // no audio on this page
    }
});

// Tools.
for (const combination of KEY_COMBINATIONS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('role', 'menuitem');
    button.textContent = combination.label;
    button.addEventListener('click', () => {
        viewer.sendKeys(combination.keysyms);
        $('keys-menu').open = false;
        viewer.focus();
    });
    $('keys-list').append(button);
}
// Encoding settings: each select's values are the URL's words (encoding-settings.js), so a link
// and the menu mean the same. A change goes to the running session at once and to later ones.
const settingSelects = { encoding: $('encoding'), quality: $('quality'), compression: $('compression') };
const words = settingsOf(viewer.encodingPreferences);
for (const [setting, select] of Object.entries(settingSelects)) {
    for (const [word, label] of SETTING_CHOICES[setting]) {
        const option = document.createElement('option');
        option.value = word;
        option.textContent = label;
        select.append(option);
    }
    select.value = words[setting];
    select.addEventListener('change', () => {
        viewer.encodingPreferences = applySettings({ [setting]: select.value }, viewer.encodingPreferences).preferences;
    });
}
if (options.settingsRefused.length > 0) {
    $('encoding-note').textContent = `Ignored from the link: ${options.settingsRefused.join('; ')}.`;
    $('encoding-note').hidden = false;
}
// Resize mode: the select's values are the URL's words (resize-mode.js), as for the encodings. The
// screen's class lets the page's style follow (the container scrolls only at 1:1).
for (const [word, label] of RESIZE_CHOICES) {
    const option = document.createElement('option');
    option.value = word;
    option.textContent = label;
    $('resize').append(option);
}
$('resize').value = viewer.resize;
$('resize').addEventListener('change', () => {
    viewer.resize = $('resize').value;
    $('screen').className = viewer.resize;
});
$('screen').className = viewer.resize;
$('view-only').checked = options.viewOnly;
$('view-only').addEventListener('change', () => {
    viewer.viewOnly = $('view-only').checked;
});
$('fullscreen').addEventListener('click', () => {
    if (document.fullscreenElement) {
        document.exitFullscreen?.();
    } else {
        document.documentElement.requestFullscreen?.().catch((error) => setStatus(`full screen refused: ${error.message}`));
    }
});
// In full screen, Esc, Alt+Tab and the like go to the remote desktop where the browser lets a page
// lock the keyboard (Keyboard Lock API); Esc held down still leaves full screen.
document.addEventListener('fullscreenchange', () => {
    if (document.fullscreenElement) {
        navigator.keyboard?.lock?.().catch(() => {});
    } else {
        navigator.keyboard?.unlock?.();
    }
});
$('keyboard-button').addEventListener('click', () => viewer.showKeyboard());
$('connect-form').addEventListener('submit', (event) => {
    event.preventDefault();
    backoff.reset();
    connect();
});
$('disconnect').addEventListener('click', disconnect);

$('token').value = options.token;
if (options.pathRefused) {
    setStatus('the path in this link points away from this page and is ignored: connecting to this page\'s own server', 'error');
}
if (options.settingsRefused.length > 0) {
    setStatus(`settings in this link are ignored: ${options.settingsRefused.join('; ')}`, 'error');
}
if (options.passwordInUrl) {
    setStatus('a password in the URL is ignored: the page asks for it when the server wants one', 'error');
}
if (options.autoconnect) {
    connect();
}
