// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class RfbVersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"003.003, V3_3", "003.005, V3_3", "003.006, V3_3", "003.007, V3_7", "003.008, V3_8",
        "003.889, V3_8", "003.999, V3_8"})
    void interpretsClientVersions(String answer, RfbVersion expected) throws ClientProtocolException {
        assertEquals(expected, RfbVersion.fromClientBanner(("RFB " + answer + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void quotesMalformedBanners() {
        ClientProtocolException e = assertThrows(ClientProtocolException.class,
                () -> RfbVersion.fromClientBanner("RFB 003.00x\r".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("RFB 003.00x\\r"), e.getMessage());
        assertThrows(ClientProtocolException.class,
                () -> RfbVersion.fromClientBanner("RFB 004.001\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void announcesTheExactBanner() {
        assertArrayEquals("RFB 003.007\n".getBytes(StandardCharsets.US_ASCII), RfbVersion.V3_7.banner());
        assertEquals(RfbVersion.V3_3, RfbVersion.fromLabel("3.3"));
        assertThrows(IllegalArgumentException.class, () -> RfbVersion.fromLabel("3.5"));
    }
}
