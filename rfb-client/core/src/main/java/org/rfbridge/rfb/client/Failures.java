// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.client;

import java.util.concurrent.TimeoutException;
import org.rfbridge.rfb.RfbException;

/**
 * The one place that turns a failure into what a user reads: one line, saying whose fault it is. Details
 * (causes, stack traces) belong in the log. The JavaScript core's {@code failures.js} words them the same
 * way, and the protocol test vectors hold both to the same lines.
 */
public final class Failures {
    private Failures() {
    }

    /** One line describing {@code failure}, without a trailing period. */
    public static String describe(Throwable failure) {
        String detail = oneLine(failure.getMessage());
        if (failure instanceof RfbException rfb) {
            return switch (rfb.code().kind()) {
                case PROTOCOL -> "protocol error: " + detail;
                case REFUSED -> "the server refused the connection: " + detail;
                case SECURITY -> "no common security type: " + detail;
                case AUTH -> "authentication failed: " + detail;
                case CLOSED, TIMEOUT, TRANSPORT -> detail;
                case INTERNAL -> "internal error: " + detail;
            };
        }
        if (failure instanceof TimeoutException) {
            return "timed out: " + detail;
        }
        if (failure instanceof InterruptedException) {
            return "interrupted";
        }
        return "unexpected error: " + failure.getClass().getSimpleName() + (detail.isEmpty() ? "" : ": " + detail);
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
