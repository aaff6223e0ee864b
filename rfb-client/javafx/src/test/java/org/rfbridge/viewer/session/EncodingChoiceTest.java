// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rfbridge.rfb.client.Target;
import org.rfbridge.rfb.encoding.Encodings;

class EncodingChoiceTest {
    private static int first(EncodingChoice choice, String target) {
        return choice.decodersFor(Target.parse(target)).encodings().get(0);
    }

    @Test
    void autoAsksForRawOnlyStraightToThisMachine() {
        assertEquals(Encodings.COPY_RECT, first(EncodingChoice.AUTO, "127.0.0.1:5901"));
        assertEquals(Encodings.COPY_RECT, first(EncodingChoice.AUTO, "localhost::5999"));
        assertEquals(Encodings.COPY_RECT, first(EncodingChoice.AUTO, "[::1]:1"));
        assertEquals(Encodings.ZRLE, first(EncodingChoice.AUTO, "desk.example:1"));
        assertEquals(Encodings.ZRLE, first(EncodingChoice.AUTO, "10.0.0.7:5900"));
        // Behind a proxy the server may be anywhere, even when the proxy is local.
        assertEquals(Encodings.ZRLE, first(EncodingChoice.AUTO, "ws://127.0.0.1:6080/websockify"));
    }

    @Test
    void autoAnnouncesNoCompressionToThisMachineAndRawStillAnnouncesZrle() {
        List<Integer> local = EncodingChoice.AUTO.decodersFor(Target.parse("127.0.0.1:5901")).encodings();
        assertFalse(local.contains(Encodings.ZRLE), local.toString());
        assertTrue(local.contains(Encodings.RAW));
        List<Integer> raw = EncodingChoice.RAW.decodersFor(Target.parse("127.0.0.1:5901")).encodings();
        assertTrue(raw.contains(Encodings.ZRLE), raw.toString());
    }

    @Test
    void anExplicitChoiceWinsEverywhere() {
        assertEquals(Encodings.COPY_RECT, first(EncodingChoice.RAW, "desk.example:1"));
        assertEquals(Encodings.ZRLE, first(EncodingChoice.ZRLE, "127.0.0.1:5901"));
    }
}
