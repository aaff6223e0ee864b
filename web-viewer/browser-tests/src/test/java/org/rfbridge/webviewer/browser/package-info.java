// SPDX-License-Identifier: Apache-2.0
/**
 * The web viewer in real headless Chromium, through an in-process proxy, against the demo desktop and
 * TigerVNC Xvnc: pixels, pointer, keyboard, resize, authentication and reconnecting as a user sees them.
 */
package org.rfbridge.webviewer.browser;
