// SPDX-License-Identifier: Apache-2.0
/**
 * The relay between one browser's WebSocket and one VNC server's TCP socket.
 *
 * <p>Both channels of a session run on the same event loop (the backend is opened on the frontend's
 * loop), so the handlers share state without locks. Backpressure is symmetric: when one side's outbound
 * buffer rises above its high water mark, the proxy stops reading the other side until it drains.
 */
package org.rfbridge.proxy.relay;
