// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

/**
 * The transport failed: the connection could not be opened (refused, unreachable, WebSocket handshake
 * rejected) or broke while in use.
 */
public class RfbTransportException extends RfbException {
    private static final long serialVersionUID = 1L;

    public RfbTransportException(String message) {
        super(ErrorCode.TRANSPORT_FAILED, message);
    }

    public RfbTransportException(String message, Throwable cause) {
        super(ErrorCode.TRANSPORT_FAILED, message, cause);
    }
}
