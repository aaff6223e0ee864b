// SPDX-License-Identifier: Apache-2.0

import { checkFramebufferSize } from './limits.js';

/**
 * DesktopSize pseudo-encoding (RFC 6143 section 7.8.2): the framebuffer now has the rectangle's
 * width and height; x and y mean nothing. No data follows. Contract: see RawDecoder.
 */
export class DesktopSizeDecoder {
    decodeRect(rect, queue, pixelFormat, display) {
        checkFramebufferSize(rect.width, rect.height, 'DesktopSize');
        display.resize(rect.width, rect.height);
        return true;
    }
}
