// SPDX-License-Identifier: Apache-2.0

import { ResizeMode } from './resize-mode.js';

/*
 * Where the desktop's canvas sits in its container and how big it looks. The canvas's own size
 * (its backing store) is always the framebuffer's, one canvas pixel per remote pixel, set by
 * CanvasDisplay; only its CSS size is chosen here, and "1:1" means one remote pixel per device
 * pixel, so a HiDPI screen shows the remote desktop sharp instead of blown up and resampled.
 * Pure functions except watchContainer, which listens to a window.
 */

/**
 * The canvas's CSS size for a framebuffer of `width` x `height` in `mode`, or null when there is
 * nothing to size (no framebuffer yet, or a container with no area that should be fitted into).
 *
 * - OFF: 1:1 in device pixels, whatever the container (which scrolls).
 * - SCALE: as large as fits the container, up or down.
 * - REMOTE: 1:1, and scaled down to fit while the desktop is larger than the container (the server
 *   has not taken the container's size yet, or refused it).
 *
 * A scaled size is a whole number of device pixels, so the browser does not resample the edges.
 * `pixelated` is true when each remote pixel covers a whole number of device pixels (1:1, 2x,
 * 3x...): nearest-neighbour then reproduces the pixels exactly and stays sharp even when the canvas
 * lands half a device pixel off. At any other factor smoothing is better: nearest-neighbour at
 * 1.5x makes every other column twice as wide, so text looks uneven, and below 1x it drops whole
 * rows and columns, so one-pixel lines and thin strokes vanish.
 *
 * @param {object} options
 * @param {string} options.mode one of ResizeMode
 * @param {number} options.width the framebuffer's width
 * @param {number} options.height
 * @param {{width: number, height: number}} options.box the container's size in CSS pixels
 * @param {number} options.devicePixelRatio device pixels per CSS pixel
 * @returns {{width: number, height: number, scale: number, pixelated: boolean, centred: boolean}|null}
 *   CSS pixels; `scale` is device pixels per remote pixel; `centred` false means at the top left,
 *   where a scrolling container starts.
 */
export function canvasLayout({ mode, width, height, box, devicePixelRatio }) {
    if (!(width > 0) || !(height > 0)) {
        return null;
    }
    const ratio = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
    let scale = 1;
    if (mode !== ResizeMode.OFF) {
        const fit = Math.min(box.width * ratio / width, box.height * ratio / height);
        if (!(fit > 0) || !Number.isFinite(fit)) {
            return null;
        }
        scale = mode === ResizeMode.REMOTE ? Math.min(1, fit) : fit;
    }
    // The epsilon keeps an exact fit from losing a pixel to rounding: 100 x (115 / 100) is 114.99999999999999.
    const device = (pixels) => (scale === 1 ? pixels : Math.max(1, Math.floor(pixels * scale + 1e-6)));
    return {
        width: device(width) / ratio,
        height: device(height) / ratio,
        scale,
        pixelated: Number.isInteger(scale),
        centred: mode !== ResizeMode.OFF,
    };
}

/**
 * Client (CSS) coordinates to framebuffer coordinates over a canvas shown in `rect` (its bounding
 * rectangle), and framebuffer pixels per CSS pixel. Follows whatever size the canvas is shown at,
 * so it holds at any scale and device pixel ratio.
 * @param {{left: number, top: number, width: number, height: number}} rect
 */
export function framebufferPoint(rect, width, height, clientX, clientY) {
    const scaleX = rect.width > 0 ? width / rect.width : 1;
    const scaleY = rect.height > 0 ? height / rect.height : 1;
    return {
        x: Math.floor((clientX - rect.left) * scaleX),
        y: Math.floor((clientY - rect.top) * scaleY),
        scale: scaleX,
    };
}

/**
 * Calls `onChange` when `container`'s size may have changed or the device pixel ratio did (a
 * window moved to another screen, or the page zoomed). It may call more than once for one change:
 * a ResizeObserver sees the container alone change (a panel opening beside it), the window's
 * resize event covers browsers without one, and neither fires when only the ratio changes.
 * @param {Window} window
 * @param {Element} container
 * @param {() => void} onChange
 */
export function watchContainer(window, container, onChange) {
    if (typeof window.ResizeObserver === 'function') {
        new window.ResizeObserver(() => onChange()).observe(container);
    }
    window.addEventListener('resize', () => onChange());
    if (typeof window.matchMedia !== 'function') {
        return;
    }
    // A resolution query matches one ratio only; once it stops matching, watch the new one.
    const watchRatio = () => {
        window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`)
            .addEventListener('change', () => {
                watchRatio();
                onChange();
            }, { once: true });
    };
    watchRatio();
}
