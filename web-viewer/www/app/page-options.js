// SPDX-License-Identifier: Apache-2.0

/**
 * The page's settings from its URL (deep links such as `/?token=abc&autoconnect=1`). No DOM:
 * takes the page's URL as a string. A password is never read from the URL (it would stay in
 * history and logs); `passwordInUrl` says one was there, so the page can warn.
 *
 * Parameters: token, path (WebSocket path, default "websockify"), autoconnect, view_only,
 * scale ("fit" or "none"), reconnect (0 disables automatic reconnecting), shared.
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
    const path = (params.get('path') ?? 'websockify').replace(/^\/+/, '');
    return {
        token: params.get('token') ?? '',
        path,
        autoconnect: flag('autoconnect', false),
        viewOnly: flag('view_only', false),
        scale: params.get('scale') === 'none' ? 'none' : 'fit',
        reconnect: flag('reconnect', true),
        shared: flag('shared', true),
        passwordInUrl: params.has('password'),
    };
}

/**
 * The WebSocket URL for the page's own origin: ws: next to http:, wss: next to https:, the
 * token carried as `?token=` the way websockify's token plugin expects it.
 */
export function webSocketUrl(pageUrl, { path = 'websockify', token = '' } = {}) {
    const page = new URL(pageUrl);
    const url = new URL(`/${path.replace(/^\/+/, '')}`, page);
    url.protocol = page.protocol === 'https:' ? 'wss:' : 'ws:';
    url.search = '';
    url.hash = '';
    if (token) {
        url.searchParams.set('token', token);
    }
    return url.href;
}
