// SPDX-License-Identifier: Apache-2.0
/**
 * The synthetic demo desktop: a framebuffer of 0xRRGGBB pixels that draws a clock, an echo of typed keys,
 * a scrolling log, a shared clipboard and a drawing area, and reports every change to listeners as damaged
 * rectangles, copies and size changes, and as changes of its clipboard, lock keys and name. It knows nothing
 * about RFB or sockets.
 */
package org.rfbridge.demo.desktop;
