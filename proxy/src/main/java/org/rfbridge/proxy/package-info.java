// SPDX-License-Identifier: Apache-2.0
/**
 * The rfbridge proxy: serves the web viewer over HTTP(S) and relays binary WebSocket frames to a VNC
 * server's TCP socket, both ways, byte-exact, with backpressure. It never parses RFB.
 *
 * <p>{@link org.rfbridge.proxy.ProxyMain} is the command line; {@link org.rfbridge.proxy.ProxyServer}
 * is the embeddable server, configured by {@link org.rfbridge.proxy.ProxyConfig}.
 */
package org.rfbridge.proxy;
