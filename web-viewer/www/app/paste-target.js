// SPDX-License-Identifier: Apache-2.0

/**
 * Whether a paste event belongs to the remote desktop, so that its text is sent to the server's
 * clipboard. Only a paste on the screen (or with nothing focused) does: text pasted into the page's
 * own fields (the password dialog, the token box) is for that field and must never leave for the
 * server or show in the clipboard panel.
 *
 * @param {object} target the paste event's target
 * @param {object} screen the element that shows the remote desktop
 * @param {object} body the document's body
 */
export function pasteGoesToServer(target, screen, body) {
    if (target === body || target === body?.parentElement) {
        return true;
    }
    return Boolean(screen?.contains?.(target));
}
