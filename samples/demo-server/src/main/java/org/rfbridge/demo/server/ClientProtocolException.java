// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

/** A client broke the RFB protocol; the message says how. Ends that client's session only. */
public final class ClientProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClientProtocolException(String message) {
        super(message);
    }
}
