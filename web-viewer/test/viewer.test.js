// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { RESIZE_SETTLE_MS } from '../www/app/remote-resize.js';
import { Viewer } from '../www/app/viewer.js';

/*
 * The Viewer's wiring under Node: a page just large enough for it (elements that keep their style
 * and listeners, a window with a device pixel ratio, media queries and ResizeObservers the test
 * fires) and a client that stands in for RfbClient, so the test plays the server.
 */

class FakeElement extends EventTarget {
    constructor(document, tagName) {
        super();
        this.ownerDocument = document;
        this.tagName = tagName;
        this.style = {};
        this.width = 0;
        this.height = 0;
        this.value = '';
        /** Where the element is on the page, for getBoundingClientRect; a canvas follows its CSS size. */
        this.box = { left: 0, top: 0, width: 0, height: 0 };
    }

    setAttribute() {}

    append() {}

    focus() {}

    getContext() {
        return { fillRect() {}, drawImage() {}, putImageData() {} };
    }

    getBoundingClientRect() {
        if (this.tagName === 'canvas') {
            return { ...this.box, width: parseFloat(this.style.width) || 0, height: parseFloat(this.style.height) || 0 };
        }
        return { ...this.box };
    }
}

class FakeMediaQuery extends EventTarget {
    constructor(media) {
        super();
        this.media = media;
    }
}

function fakePage({ devicePixelRatio = 2, width = 800, height = 450 } = {}) {
    const window = new EventTarget();
    const document = new EventTarget();
    window.devicePixelRatio = devicePixelRatio;
    window.queries = [];
    window.matchMedia = (media) => {
        const query = new FakeMediaQuery(media);
        window.queries.push(query);
        return query;
    };
    window.observers = [];
    window.ResizeObserver = class {
        constructor(callback) {
            this.callback = callback;
            window.observers.push(this);
        }

        observe() {}
    };
    document.defaultView = window;
    document.visibilityState = 'visible';
    document.createElement = (tagName) => new FakeElement(document, tagName);
    const container = new FakeElement(document, 'main');
    container.box = { left: 10, top: 40, width, height };
    const page = {
        window, container,
        /** The container takes a new CSS size, as a window dragged by its edge would give it. */
        resizeContainer(newWidth, newHeight) {
            container.box = { ...container.box, width: newWidth, height: newHeight };
            window.observers.forEach((observer) => observer.callback([]));
            window.dispatchEvent(new Event('resize'));
        },
        /** The window moves to a screen of another density: the last resolution query stops matching. */
        changeRatio(ratio) {
            window.devicePixelRatio = ratio;
            window.queries.at(-1).dispatchEvent(new Event('change'));
        },
    };
    return page;
}

/** What the Viewer needs of RfbClient; `serve()` plays a server's handshake. */
class FakeClient {
    constructor(options) {
        this.options = options;
        this.listeners = new Map();
        this.width = 0;
        this.height = 0;
        this.connected = false;
        this.closed = false;
        this.desktopSizes = [];
        this.pointer = [];
    }

    on(type, listener) {
        this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
        return this;
    }

    emit(type, detail) {
        (this.listeners.get(type) ?? []).forEach((listener) => listener(detail));
    }

    serve(width, height) {
        this.width = width;
        this.height = height;
        this.connected = true;
        this.emit('resize', { width, height });
        this.emit('connect', { width, height, name: 'fake' });
    }

    /** The server resized its desktop. */
    resized(width, height) {
        this.width = width;
        this.height = height;
        this.emit('resize', { width, height });
    }

    requestDesktopSize(width, height) {
        this.desktopSizes.push([width, height]);
    }

    sendPointer(x, y, mask) {
        this.pointer.push([x, y, mask]);
    }

    sendKey() {}

    disconnect() {
        this.closed = true;
        this.connected = false;
        this.emit('disconnect', { clean: true, reason: 'disconnected' });
    }
}

function connectedViewer(options, pageOptions) {
    const page = fakePage(pageOptions);
    const clients = [];
    const viewer = new Viewer(page.container, {
        ...options,
        createClient: (url, clientOptions) => {
            const client = new FakeClient(clientOptions);
            clients.push(client);
            return client;
        },
    });
    viewer.connect('ws://h/websockify');
    return { page, viewer, client: clients[0], clients };
}

const cssSize = (canvas) => [canvas.style.width, canvas.style.height];

describe('Viewer', () => {
    beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
    afterEach(() => mock.timers.reset());

    test('1:1 at device pixel ratio 2 is one remote pixel per device pixel, and the pointer maps back', () => {
        const { viewer, client } = connectedViewer({ resize: 'off' });
        client.serve(1001, 600);
        assert.deepEqual(cssSize(viewer.canvas), ['500.5px', '300px']);
        assert.equal(viewer.canvas.style.margin, '0');
        assert.equal(viewer.canvas.style.imageRendering, 'pixelated');
        viewer.canvas.box = { left: 10, top: 40 };
        const press = Object.assign(new Event('mousedown', { cancelable: true }), { clientX: 10 + 250.5, clientY: 40 + 299.5, button: 0 });
        viewer.canvas.dispatchEvent(press);
        assert.deepEqual(client.pointer, [[501, 599, 1]]);
        assert.deepEqual(client.desktopSizes, [], 'only remote mode asks for a size');
    });

    test('scale fits the container in device pixels, smoothed at a factor that is not whole', () => {
        const { viewer, client } = connectedViewer({ resize: 'scale' });
        client.serve(1920, 1080);
        assert.deepEqual(cssSize(viewer.canvas), ['800px', '450px']);
        assert.equal(viewer.canvas.style.imageRendering, 'auto');
        viewer.canvas.box = { left: 10, top: 40 };
        viewer.canvas.dispatchEvent(Object.assign(new Event('mousedown'), { clientX: 410, clientY: 265, button: 2 }));
        assert.deepEqual(client.pointer, [[960, 540, 4]]);
    });

    test('remote asks for the container in device pixels at connect, then once a drag has settled', () => {
        const { page, viewer, client } = connectedViewer({ resize: 'remote' });
        client.serve(1024, 768);
        assert.deepEqual(client.desktopSizes, [[1600, 900]], 'at once');
        assert.deepEqual(cssSize(viewer.canvas), ['512px', '384px'], '1:1 while the server has not resized');

        page.resizeContainer(900, 450);
        mock.timers.tick(RESIZE_SETTLE_MS - 10);
        page.resizeContainer(1000, 500);
        mock.timers.tick(RESIZE_SETTLE_MS - 10);
        assert.deepEqual(client.desktopSizes, [[1600, 900]], 'nothing while dragging');
        mock.timers.tick(10);
        assert.deepEqual(client.desktopSizes, [[1600, 900], [2000, 1000]]);

        client.resized(3000, 1000);
        assert.deepEqual(cssSize(viewer.canvas), ['1000px', `${Math.floor(1000 * 2000 / 3000) / 2}px`],
            'scaled down while larger than the container');
        client.resized(2000, 1000);
        assert.deepEqual(cssSize(viewer.canvas), ['1000px', '500px']);
        assert.equal(viewer.canvas.style.imageRendering, 'pixelated');
    });

    test('a device pixel ratio change lays out again and, in remote mode, asks for the new device size', () => {
        const { page, viewer, client } = connectedViewer({ resize: 'remote' });
        client.serve(1600, 900);
        assert.equal(page.window.queries.at(-1).media, '(resolution: 2dppx)');
        page.changeRatio(1);
        assert.equal(page.window.queries.at(-1).media, '(resolution: 1dppx)', 'watches the new ratio');
        assert.deepEqual(cssSize(viewer.canvas), ['800px', '450px'], 'scaled down: 1600 device pixels no longer fit');
        mock.timers.tick(RESIZE_SETTLE_MS);
        assert.deepEqual(client.desktopSizes, [[1600, 900], [800, 450]]);
        page.changeRatio(1.5);
        mock.timers.tick(RESIZE_SETTLE_MS);
        assert.deepEqual(client.desktopSizes.at(-1), [1200, 675]);
    });

    test('switching modes while connected: remote asks at once, leaving it drops what was pending', () => {
        const { page, viewer, client } = connectedViewer({ scale: 'none' });
        assert.equal(viewer.resize, 'off', 'the older option name');
        client.serve(1024, 768);
        viewer.resize = 'remote';
        assert.deepEqual(client.desktopSizes, [[1600, 900]]);
        page.resizeContainer(700, 400);
        viewer.resize = 'scale';
        assert.equal(viewer.scale, 'fit');
        mock.timers.tick(RESIZE_SETTLE_MS * 2);
        assert.deepEqual(client.desktopSizes, [[1600, 900]]);
        assert.throws(() => {
            viewer.resize = 'stretch';
        }, RangeError);
    });

    test('after a disconnect nothing is asked for; a new session asks again', () => {
        const { page, viewer, client, clients } = connectedViewer({ resize: 'remote' });
        client.serve(800, 600);
        page.resizeContainer(700, 400);
        viewer.disconnect();
        mock.timers.tick(RESIZE_SETTLE_MS * 2);
        assert.deepEqual(client.desktopSizes, [[1600, 900]]);
        viewer.connect('ws://h/websockify');
        clients[1].serve(800, 600);
        assert.deepEqual(clients[1].desktopSizes, [[1400, 800]]);
    });

    test('the server\'s refusal reaches the page as resize-refused', () => {
        const { viewer, client } = connectedViewer({ resize: 'remote' });
        const heard = [];
        viewer.addEventListener('resize-refused', (event) => heard.push(event.detail.message));
        client.serve(800, 600);
        client.emit('resize-refused', { message: 'the server does not allow resizing the desktop' });
        assert.deepEqual(heard, ['the server does not allow resizing the desktop']);
    });
});
