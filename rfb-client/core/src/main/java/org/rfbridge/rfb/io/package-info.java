// SPDX-License-Identifier: Apache-2.0
/**
 * Byte queues between the transports and the protocol: {@link org.rfbridge.rfb.io.RfbInput} accumulates
 * what the server sent and lets parsers check before they read; {@link org.rfbridge.rfb.io.RfbOutput}
 * collects what the client will send. Both are big-endian, as RFB is. Neither does any I/O.
 */
package org.rfbridge.rfb.io;
