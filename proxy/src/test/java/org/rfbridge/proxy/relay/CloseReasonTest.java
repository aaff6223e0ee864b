// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloseReasonTest {

    @Test
    void shortReasonsAreKept() {
        assertEquals("VNC server closed the connection", CloseReason.fitForFrame("VNC server closed the connection"));
    }

    @Test
    void longReasonsAreCutWithoutSplittingACharacter() {
        String reason = "ü".repeat(100);
        String fitted = CloseReason.fitForFrame(reason);
        byte[] bytes = fitted.getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length <= 123, "length " + bytes.length);
        assertEquals("ü".repeat(61), fitted);
    }
}
