// SPDX-License-Identifier: Apache-2.0

import { applySettings } from './encoding-settings.js';
import { resizeModeFromLink } from './resize-mode.js';

const DEFAULT_PATH = 'websockify';

/** `path` as an absolute path on the page's origin, or null when it would name another origin. */
function resolveOnOrigin(page, path) {
    // Control characters and backslashes have no place in a WebSocket path, and the URL parser gives
    // both meanings (it drops tabs and newlines and reads "\" as "/") that can move the host.
    if (/[\u0000-\u001f\u007f\\]/.test(path)) {
        return null;
    }
    const resolved = new URL(`/${path.replace(/^\/+/, '')}`, page);
    return resolved.origin === page.origin ? resolved : null;
}

/**
 * The page's settings from its URL (deep links such as `/?token=abc&autoconnect=1`). No DOM:
 * takes the page's URL as a string. A password is never read from the URL (it would stay in
 * history and logs); `passwordInUrl` says one was there, so the page can warn.
 *
 * Parameters: token, path (WebSocket path, default "websockify"), autoconnect, view_only,
 * resize (noVNC's: "remote", "scale" or "off"; without it the older scale, "fit" or "none"),
 * reconnect (0 disables automatic reconnecting), shared, clipboard_send and clipboard_receive (0
 * keeps the page's clipboard from the server, or the server's from the page), and for the encodings
 * (encoding-settings.js) encoding ("tight", "zrle", ... or "auto"), quality (noVNC's: 0..9, or
 * "lossless" or "auto") and compression (noVNC's: 0..9 or "auto"), which give
 * `encodingPreferences`. A resize or encoding value that does not parse is left at its default
 * ("scale", "auto") and its reason kept in `settingsRefused`, so the page can say so.
 *
 * The path is only ever a path on the page's own origin: a crafted link could otherwise send the
 * token and the VNC login to another host (URL parsing turns "/\\evil.example" or "/<tab>/evil.example"
 * into "//evil.example"). A path that leaves the origin is dropped for the default and reported
 * as `pathRefused`, so the page can say so.
 */
export function readPageOptions(pageUrl) {
    const url = new URL(pageUrl);
    const params = url.searchParams;
    const flag = (name, fallback) => {
        const value = params.get(name);
        if (value === null) {
            return fallback;
        }
        return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
    };
    const asked = (params.get('path') ?? DEFAULT_PATH).replace(/^\/+/, '');
    const pathRefused = resolveOnOrigin(url, asked) === null;
    const encodings = applySettings({
        encoding: params.get('encoding'), quality: params.get('quality'), compression: params.get('compression'),
    });
    const resize = resizeModeFromLink(params.get('resize'), params.get('scale'));
    return {
        token: params.get('token') ?? '',
        path: pathRefused ? DEFAULT_PATH : asked,
        pathRefused,
        autoconnect: flag('autoconnect', false),
        viewOnly: flag('view_only', false),
        resize: resize.mode,
        reconnect: flag('reconnect', true),
        shared: flag('shared', true),
        clipboardSend: flag('clipboard_send', true),
        clipboardReceive: flag('clipboard_receive', true),
        passwordInUrl: params.has('password'),
        encodingPreferences: encodings.preferences,
        settingsRefused: [...resize.refused, ...encodings.refused],
    };
}

/**
 * The WebSocket URL for the page's own origin: ws: next to http:, wss: next to https:, the
 * token carried as `?token=` the way websockify's token plugin expects it.
 */
export function webSocketUrl(pageUrl, { path = DEFAULT_PATH, token = '' } = {}) {
    const page = new URL(pageUrl);
    const url = resolveOnOrigin(page, path);
    if (url === null) {
        throw new RangeError(`the WebSocket path ${JSON.stringify(path)} leaves this page's origin`);
    }
    url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '';
    url.hash = '';
    if (token) {
        url.searchParams.set('token', token);
    }
    return url.href;
}
