// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

/**
 * The byte stream from the server ended before the session was over: the server or a proxy closed the
 * connection. The message says in which phase it happened.
 */
public class RfbEndOfStreamException extends RfbException {
    private static final long serialVersionUID = 1L;

    public RfbEndOfStreamException(String message) {
        super(ErrorCode.END_OF_STREAM, message);
    }

    public RfbEndOfStreamException(String message, Throwable cause) {
        super(ErrorCode.END_OF_STREAM, message, cause);
    }
}
