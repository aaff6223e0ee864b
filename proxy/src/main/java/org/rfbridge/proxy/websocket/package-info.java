// SPDX-License-Identifier: Apache-2.0
/**
 * Who may open a WebSocket session and how a live one is kept honest: the upgrade policy (path, Origin,
 * subprotocol, token, session cap) decided before the handshake, and keepalive pings after it.
 */
package org.rfbridge.proxy.websocket;
