// SPDX-License-Identifier: Apache-2.0
/**
 * Pixels: the server's {@link org.rfbridge.rfb.pixel.PixelFormat} (32/16/8 bits per pixel, true colour or
 * colour map, either byte order), converted into one ARGB {@link org.rfbridge.rfb.pixel.Framebuffer} whose
 * every write is bounds-checked, plus the {@link org.rfbridge.rfb.pixel.Rect} and
 * {@link org.rfbridge.rfb.pixel.CursorShape} values listeners receive.
 */
package org.rfbridge.rfb.pixel;
