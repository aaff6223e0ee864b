// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rfbridge.rfb.RfbProtocolException;

@Timeout(10)
class ProtocolVersionTest {
    @ParameterizedTest
    @CsvSource({
        "003.003, 3.3", "003.005, 3.3", "003.006, 3.3", "003.007, 3.7", "003.008, 3.8",
        "003.889, 3.8", "004.000, 3.8", "004.001, 3.8", "005.000, 3.8",
    })
    void negotiatesWhatRealServersAnnounce(String announced, String spoken) throws Exception {
        ProtocolVersion server = ProtocolVersion.parseBanner(("RFB " + announced + "\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(spoken, server.negotiate().toString());
    }

    @Test
    void bannerOfTheSpokenVersion() {
        assertEquals("RFB 003.008\n", new String(ProtocolVersion.V3_8.banner(), StandardCharsets.US_ASCII));
        assertEquals("RFB 003.003\n", new String(ProtocolVersion.V3_3.banner(), StandardCharsets.US_ASCII));
    }

    @Test
    void malformedBannerIsQuotedInTheError() {
        RfbProtocolException e = assertThrows(RfbProtocolException.class,
                () -> ProtocolVersion.parseBanner("HTTP/1.1 400\n".substring(0, 12).getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("\"HTTP/1.1 400\""), e.getMessage());
        RfbProtocolException binary = assertThrows(RfbProtocolException.class,
                () -> ProtocolVersion.parseBanner(new byte[] {'R', 'F', 'B', ' ', 0, 1, 2, '.', 3, 4, 5, (byte) 0xFF}));
        assertTrue(binary.getMessage().contains("\"RFB \\x00\\x01\\x02.\\x03\\x04\\x05\\xff\""), binary.getMessage());
    }

    @Test
    void versionsBeforeThreeAreRefused() throws Exception {
        ProtocolVersion old = ProtocolVersion.parseBanner("RFB 002.000\n".getBytes(StandardCharsets.US_ASCII));
        assertThrows(RfbProtocolException.class, old::negotiate);
    }
}
