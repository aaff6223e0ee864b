// SPDX-License-Identifier: Apache-2.0

import { MAX_FRAMEBUFFER_SIDE } from './limits.js';
import { ScreenLayout } from './screen-layout.js';

/**
 * The size the viewer wants for the remote desktop and the one SetDesktopSize in flight (the Java
 * core's DesktopSizeRequests; the rules are protocol-tests/EXTENSIONS.md). A window being dragged
 * wants a new size many times a second: only the latest is kept while the server has not
 * answered, so the server resizes once per answer instead of once per mouse move.
 */
export class DesktopSizeRequests {
    constructor() {
        this._layout = new ScreenLayout([]);
        this._serverTakesThem = false;
        this._outstanding = false;
        this._wanted = null;
    }

    /** The viewer wants `width`x`height`, rounded down and clamped to 1..16384; replaces any size kept. */
    want(width, height) {
        const clamp = (n) => Math.max(1, Math.min(MAX_FRAMEBUFFER_SIDE, Math.floor(n)));
        this._wanted = { width: clamp(width), height: clamp(height) };
    }

    /**
     * The request to send now ({width, height, layout}), if one is kept, the server takes them and
     * none is unanswered; null otherwise. A kept size equal to the framebuffer's is dropped.
     */
    due(fbWidth, fbHeight) {
        if (this._wanted === null || !this._serverTakesThem || this._outstanding) {
            return null;
        }
        const { width, height } = this._wanted;
        this._wanted = null;
        if (width === fbWidth && height === fbHeight) {
            return null;
        }
        this._outstanding = true;
        return { width, height, layout: this._layout.resizedTo(width, height) };
    }

    /**
     * An ExtendedDesktopSize arrived: the server takes requests, a reason-1 one answers ours, a done
     * one brings the layout. Returns what the user reads if it refuses this client's request, else null.
     */
    received(reason, status, layout) {
        this._serverTakesThem = true;
        if (reason === 1) {
            this._outstanding = false;
        }
        if (status !== 0) {
            return reason === 1 ? ScreenLayout.refusal(status) : null;
        }
        this._layout = layout;
        return null;
    }

    get serverTakesThem() {
        return this._serverTakesThem;
    }

    get layout() {
        return this._layout;
    }
}
