// SPDX-License-Identifier: Apache-2.0
/**
 * One remote session on screen: the view model that owns the {@link org.rfbridge.rfb.client.RfbClient} and turns
 * its events into properties, the view (menus, status bar, the display), the display that shows the client's
 * pixels through a {@code PixelBuffer} without copying them, and the counters behind the status bar.
 *
 * <p>Threads: the RFB session thread reports events; the view model hands them to the JavaFX application
 * thread, except pixels, which the display picks up once per pulse. Nothing here blocks the FX thread.
 */
package org.rfbridge.viewer.session;
