// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import java.nio.charset.StandardCharsets;

/** Close status codes the relay sends, and the trimming a close frame's reason needs. */
public final class CloseReason {

    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int INTERNAL_ERROR = 1011;

    /** RFC 6455 section 5.5: a control frame carries at most 125 bytes, two of them the status code. */
    static final int MAX_REASON_BYTES = 123;

    private CloseReason() {
    }

    /** Cuts {@code reason} to what fits in a close frame, never splitting a UTF-8 sequence. */
    public static String fitForFrame(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) {
            return reason;
        }
        int end = MAX_REASON_BYTES;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
