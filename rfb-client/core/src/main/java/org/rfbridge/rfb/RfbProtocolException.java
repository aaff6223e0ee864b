// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

/**
 * The server sent something the protocol does not allow, or a number outside the bounds we accept
 * (a rectangle outside the framebuffer, an unknown message type, a framebuffer over the maximum). The message
 * names what was wrong.
 */
public class RfbProtocolException extends RfbException {
    private static final long serialVersionUID = 1L;

    public RfbProtocolException(ErrorCode code, String message) {
        super(code, message);
    }

    public RfbProtocolException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
