// SPDX-License-Identifier: Apache-2.0
/**
 * Byte pipes to an RFB server: {@link org.rfbridge.rfb.transport.TcpTransport} and
 * {@link org.rfbridge.rfb.transport.WebSocketTransport} (binary frames through our proxy or websockify). They
 * move bytes and know nothing of RFB, so the same protocol code runs over both.
 */
package org.rfbridge.rfb.transport;
