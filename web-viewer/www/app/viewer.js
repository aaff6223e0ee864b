// SPDX-License-Identifier: Apache-2.0

import { CanvasDisplay } from '../core/display/canvas-display.js';
import { EncodingPreferences } from '../core/encoding-preferences.js';
import { KeyboardState } from '../core/input/keyboard.js';
import { lockKeySync } from '../core/input/lock-keys.js';
import { PointerState } from '../core/input/pointer.js';
import { TouchGestures } from '../core/input/touch.js';
import { RfbClient } from '../core/rfb-client.js';
import { WebSocketTransport } from '../core/transport/websocket-transport.js';
import { canvasLayout, framebufferPoint, watchContainer } from './canvas-layout.js';
import { RemoteResize, desktopSizeFor } from './remote-resize.js';
import { ResizeMode, parseResizeMode } from './resize-mode.js';
import { createTextInput, keysymsOfInput, keysymsOfText } from './text-input.js';

/**
 * A remote desktop in an element: the embeddable viewer. It owns a canvas inside `container`,
 * connects with `connect(url)` (again after a disconnect, on the same canvas), and turns mouse,
 * wheel, touch and keyboard events on that canvas into RFB input. It knows nothing of the rest of
 * the page: status, menus and reconnecting are the page's business (see main.js).
 *
 * How the desktop meets the container is `resize` (ResizeMode): 1:1, scaled to fit, or the server
 * asked to resize its desktop to the container (canvas-layout.js, remote-resize.js). 1:1 is one
 * remote pixel per device pixel, so on a HiDPI screen the desktop looks smaller but sharp.
 *
 * Events (CustomEvent, details as RfbClient's): connect, disconnect {clean, reason},
 * credentialsrequired, desktopname {name}, resize {width, height}, resize-refused {message} (the
 * server would not take the size asked for), clipboard {text}, clipboard-dropped {message}, xvp
 * {version} (the server takes power actions), xvp-failed, bell, error {message, code, kind}.
 * Everything runs on the page's main thread.
 *
 * @example
 *   const viewer = new Viewer(document.getElementById('screen'));
 *   viewer.addEventListener('credentialsrequired', () => viewer.sendCredentials(prompt('Password')));
 *   viewer.connect('ws://localhost:6080/websockify');
 */
export class Viewer extends EventTarget {
    /**
     * @param {HTMLElement} container gets the canvas (and a hidden text field for on-screen keyboards)
     * @param {object} [options]
     * @param {string} [options.resize='scale'] one of ResizeMode: 'scale' (fit the desktop into the
     *   container), 'off' (1:1; the container should then scroll: overflow auto) or 'remote'
     * @param {'fit'|'none'} [options.scale] the older name, used when `resize` is absent: 'fit' is
     *   'scale', 'none' is 'off'
     * @param {boolean} [options.viewOnly=false]
     * @param {boolean} [options.shared=true]
     * @param {EncodingPreferences} [options.encodingPreferences] what to ask the server for (default:
     *   auto, from the link)
     * @param {object} [options.logger] for RfbClient
     * @param {(url: string, options: object) => RfbClient} [options.createClient] makes each
     *   session's client from RfbClient's options less the transport (default: an RfbClient over a
     *   WebSocketTransport to `url`); for other transports, and for tests
     */
    constructor(container, { resize, scale, viewOnly = false, shared = true,
        encodingPreferences = EncodingPreferences.auto(), logger,
        createClient = (url, options) => new RfbClient({ transport: new WebSocketTransport(url), ...options }) } = {}) {
        super();
        this._container = container;
        this._encodingPreferences = encodingPreferences;
        this._resize = resize !== undefined ? parseResizeMode(resize)
            : scale === 'none' ? ResizeMode.OFF : ResizeMode.SCALE;
        this._createClient = createClient;
        this._viewOnly = viewOnly;
        this._shared = shared;
        this._logger = logger;
        this._client = null;
        this._keyboard = new KeyboardState();
        this._pointer = new PointerState();
        this._touch = new TouchGestures();
        this._remoteResize = new RemoteResize({
            measure: () => desktopSizeFor(this._container.getBoundingClientRect(), this._devicePixelRatio()),
            request: (width, height) => this._client?.requestDesktopSize(width, height),
        });

        const document = container.ownerDocument;
        this._canvas = document.createElement('canvas');
        this._canvas.className = 'rfbridge-screen';
        this._canvas.tabIndex = 0;
        this._canvas.width = 0;
        this._canvas.height = 0;
        this._canvas.style.touchAction = 'none';
        this._canvas.style.outline = 'none';
        this._canvas.style.display = 'block';
        this._canvas.style.margin = 'auto';
        container.append(this._canvas);

        this._textInput = createTextInput(document);
        container.append(this._textInput);

        this._listen();
        this._layout();
    }

    /** The canvas the desktop is drawn on. */
    get canvas() {
        return this._canvas;
    }

    /** The session's RfbClient, or null before connect(). For diagnostics and benchmarks. */
    get client() {
        return this._client;
    }

    get connected() {
        return this._client?.connected ?? false;
    }

    /**
     * Opens a session. A session still open is closed first (its `disconnect` fires).
     * @param {string} url ws: or wss: URL of the proxy
     * @param {{password?: string}} [credentials] used when the server asks, instead of the event
     */
    connect(url, credentials = {}) {
        this.disconnect();
        this._remoteResize.stop();
        const display = new CanvasDisplay(this._canvas, {
            onError: (error) => this._emit('error', { message: `drawing failed: ${error.message}`, kind: 'internal' }),
        });
        const client = this._createClient(url, {
            display,
            credentials,
            shared: this._shared,
            viewOnly: this._viewOnly,
            encodingPreferences: this._encodingPreferences,
            logger: this._logger,
        });
        this._client = client;
        const forward = (type) => client.on(type, (detail) => {
            if (this._client === client) {
                this._emit(type, detail);
            }
        });
        ['credentialsrequired', 'desktopname', 'clipboard', 'clipboard-dropped', 'bell', 'error', 'resize-refused',
            'xvp', 'xvp-failed'].forEach(forward);
        this._ledState = null;
        client.on('led-state', ({ state }) => {
            if (this._client === client) {
                this._ledState = state;
            }
        });
        client.on('connect', (detail) => {
            if (this._client === client) {
                this._emit('connect', detail);
                this._followResizeMode();
            }
        });
        client.on('resize', (detail) => {
            if (this._client === client) {
                this._layout(detail.width, detail.height);
                this._emit('resize', detail);
            }
        });
        client.on('disconnect', (detail) => {
            if (this._client === client) {
                this._remoteResize.stop();
                this._releaseInput(false);
                this._emit('disconnect', detail);
            }
        });
    }

    /** Asks the server for a power action (2 shut down, 3 reboot, 4 reset) once it sent `xvp`. */
    powerAction(code) {
        this._client?.sendXvp(code);
    }

    /** Ends the session, if any; `disconnect` follows with clean: true. */
    disconnect() {
        const client = this._client;
        if (client !== null && !client.closed) {
            this._releaseInput(true);
            client.disconnect();
        }
    }

    sendCredentials(password) {
        this._client?.sendCredentials({ password });
    }

    /** One key press or release, with the XT scancode of its key (0 when none). */
    sendKey(keysym, down, scancode = 0) {
        if (this._acceptsInput()) {
            this._client.sendKey(keysym, down, scancode);
        }
    }

    /** Presses the keysyms in order and releases them in reverse (e.g. Ctrl+Alt+Del). */
    sendKeys(keysyms) {
        this._client?.sendKeys(keysyms);
    }

    /** Types text character by character, for on-screen keyboards and tests. */
    typeText(text) {
        for (const keysym of keysymsOfText(text)) {
            this._client?.sendKeys([keysym]);
        }
    }

    sendClipboard(text) {
        this._client?.sendClipboard(text);
    }

    get viewOnly() {
        return this._viewOnly;
    }

    set viewOnly(value) {
        if (value) {
            this._releaseInput(true);
        }
        this._viewOnly = Boolean(value);
        if (this._client) {
            this._client.viewOnly = this._viewOnly;
        }
    }

    /** What the viewer asks the server for (EncodingPreferences). */
    get encodingPreferences() {
        return this._encodingPreferences;
    }

    /** Applies to the session at once, if there is one, and to the next connect(). */
    set encodingPreferences(preferences) {
        if (!(preferences instanceof EncodingPreferences)) {
            throw new TypeError('encoding preferences must be an EncodingPreferences');
        }
        this._encodingPreferences = preferences;
        this._client?.setEncodingPreferences(preferences);
    }

    /** How the desktop meets the container: one of ResizeMode ('remote', 'scale', 'off'). */
    get resize() {
        return this._resize;
    }

    /**
     * Applies at once; switching to 'remote' while connected asks for the container's size now.
     * Leaving it keeps the desktop at the size it has.
     * @throws {RangeError} for a word that is not a ResizeMode
     */
    set resize(mode) {
        this._resize = parseResizeMode(mode);
        this._followResizeMode();
        this._layout();
    }

    /** The older name of `resize`: 'none' when it is 'off', else 'fit'. */
    get scale() {
        return this._resize === ResizeMode.OFF ? 'none' : 'fit';
    }

    set scale(value) {
        this.resize = value === 'none' ? ResizeMode.OFF : ResizeMode.SCALE;
    }

    focus() {
        this._canvas.focus({ preventScroll: true });
    }

    /** Brings up a phone's on-screen keyboard; what is typed goes to the server. */
    showKeyboard() {
        this._textInput.focus({ preventScroll: true });
    }

    /** Sizes the canvas on the page: its CSS size, never its pixel size (that is the framebuffer's). */
    _layout(width = this._client?.width ?? this._canvas.width, height = this._client?.height ?? this._canvas.height) {
        const layout = canvasLayout({
            mode: this._resize, width, height,
            box: this._container.getBoundingClientRect(), devicePixelRatio: this._devicePixelRatio(),
        });
        if (layout === null) {
            return;
        }
        const style = this._canvas.style;
        style.margin = layout.centred ? 'auto' : '0';
        style.width = `${layout.width}px`;
        style.height = `${layout.height}px`;
        style.imageRendering = layout.pixelated ? 'pixelated' : 'auto';
    }

    _devicePixelRatio() {
        return this._container.ownerDocument.defaultView?.devicePixelRatio || 1;
    }

    /** Starts or stops asking the server for the container's size, as the mode and session say. */
    _followResizeMode() {
        if (this._resize === ResizeMode.REMOTE && this.connected) {
            this._remoteResize.start();
        } else {
            this._remoteResize.stop();
        }
    }

    /** The container (or the screen's pixel density) changed. */
    _containerChanged() {
        this._layout();
        this._remoteResize.changed();
    }

    _emit(type, detail = {}) {
        this.dispatchEvent(new CustomEvent(type, { detail }));
    }

    _acceptsInput() {
        return this._client !== null && this._client.connected && !this._viewOnly;
    }

    /** Client (CSS) coordinates -> framebuffer coordinates, and framebuffer pixels per CSS pixel. */
    _toFramebuffer(clientX, clientY) {
        return framebufferPoint(this._canvas.getBoundingClientRect(), this._client?.width || this._canvas.width,
            this._client?.height || this._canvas.height, clientX, clientY);
    }

    _sendPointer(events) {
        if (!this._acceptsInput()) {
            return;
        }
        for (const [x, y, mask] of events) {
            this._client.sendPointer(x, y, mask);
        }
    }

    _sendKeys(events) {
        if (this._client === null || !this._client.connected) {
            return;
        }
        for (const [keysym, down, scancode] of events) {
            this._client.sendKey(keysym, down, scancode ?? 0);
        }
    }

    /** Lets go of every key and button the server thinks is held. */
    _releaseInput(send) {
        const keys = this._keyboard.releaseAll();
        const buttons = this._pointer.releaseAll();
        if (send && !this._viewOnly) {
            this._sendKeys(keys);
            this._sendPointer(buttons);
        }
    }

    _listen() {
        const canvas = this._canvas;
        const window = canvas.ownerDocument.defaultView;
        const at = (event) => this._toFramebuffer(event.clientX, event.clientY);

        canvas.addEventListener('mousedown', (event) => {
            this.focus();
            event.preventDefault();
            const { x, y } = at(event);
            this._sendPointer(this._pointer.button(x, y, event.button, true));
        });
        // Releases land on the window so a drag that ends outside the canvas still lets go.
        window.addEventListener('mouseup', (event) => {
            if (this._pointer.buttons === 0) {
                return;
            }
            const { x, y } = at(event);
            this._sendPointer(this._pointer.button(x, y, event.button, false));
        });
        window.addEventListener('mousemove', (event) => {
            if (event.target !== canvas && this._pointer.buttons === 0) {
                return;
            }
            const { x, y } = at(event);
            this._sendPointer(this._pointer.move(x, y));
        });
        canvas.addEventListener('wheel', (event) => {
            event.preventDefault();
            const { x, y } = at(event);
            this._sendPointer(this._pointer.scroll(x, y, event.deltaX, event.deltaY, event.deltaMode, event.timeStamp));
        }, { passive: false });
        canvas.addEventListener('contextmenu', (event) => event.preventDefault());

        const touches = (list) => Array.from(list, (touch) => ({ id: touch.identifier, ...at(touch) }));
        const touchScale = () => this._toFramebuffer(0, 0).scale;
        canvas.addEventListener('touchstart', (event) => {
            event.preventDefault();
            this.focus();
            this._sendPointer(this._touch.start(touches(event.touches), touchScale(), event.timeStamp));
        }, { passive: false });
        canvas.addEventListener('touchmove', (event) => {
            event.preventDefault();
            this._sendPointer(this._touch.move(touches(event.touches), touchScale(), event.timeStamp));
        }, { passive: false });
        canvas.addEventListener('touchend', (event) => {
            event.preventDefault();
            this._sendPointer(this._touch.end(touches(event.touches)));
        }, { passive: false });
        canvas.addEventListener('touchcancel', () => this._sendPointer(this._touch.end([], true)));

        const keyDown = (event) => {
            if (!this._acceptsInput() || event.isComposing || event.keyCode === 229) {
                return;
            }
            const events = this._keyboard.keyDown(event);
            if (events !== null) {
                event.preventDefault();
                const sync = lockKeySync(this._ledState, event);
                if (sync.length > 0) {
                    this._sendKeys(sync);
                    // Until the server reports again, assume it followed.
                    this._ledState = null;
                }
                this._sendKeys(events);
            }
        };
        const keyUp = (event) => {
            const events = this._keyboard.keyUp(event);
            if (events !== null) {
                event.preventDefault();
                if (!this._viewOnly) {
                    this._sendKeys(events);
                }
            }
        };
        for (const target of [canvas, this._textInput]) {
            target.addEventListener('keydown', keyDown);
            target.addEventListener('keyup', keyUp);
            target.addEventListener('blur', () => this._releaseInput(true));
        }
        this._textInput.addEventListener('input', (event) => {
            if (this._acceptsInput()) {
                for (const keysym of keysymsOfInput(event.inputType, event.data)) {
                    this._client.sendKeys([keysym]);
                }
            }
            this._textInput.value = '';
        });
        window.addEventListener('blur', () => this._releaseInput(true));
        canvas.ownerDocument.addEventListener('visibilitychange', () => {
            if (canvas.ownerDocument.visibilityState === 'hidden') {
                this._releaseInput(true);
            }
        });
        watchContainer(window, this._container, () => this._containerChanged());
    }
}
