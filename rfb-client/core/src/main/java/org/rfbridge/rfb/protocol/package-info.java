// SPDX-License-Identifier: Apache-2.0
/**
 * The RFB protocol as an I/O-free state machine. {@link org.rfbridge.rfb.protocol.RfbConnection} takes bytes
 * with {@code receive}, advances one message per {@code step()} (false when starved), and leaves the bytes to
 * send in an output queue. Parsing server messages ({@link org.rfbridge.rfb.protocol.ServerMessageReader})
 * is apart from acting on them (the connection) and from writing client messages
 * ({@link org.rfbridge.rfb.protocol.ClientMessageWriter}, one method per message).
 */
package org.rfbridge.rfb.protocol;
