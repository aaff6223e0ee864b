// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.io.RfbOutput;
import org.rfbridge.rfb.pixel.PixelFormat;

/** Exact bytes of every client message (RFC 6143 section 7.5). */
@Timeout(10)
class ClientMessageWriterTest {
    private final RfbOutput out = new RfbOutput();
    private final ClientMessageWriter writer = new ClientMessageWriter(out);

    private String sent() {
        return HexFormat.of().formatHex(out.take());
    }

    @Test
    void setPixelFormat() {
        writer.setPixelFormat(PixelFormat.RGB888);
        assertEquals("00000000" + "20180001" + "00ff00ff00ff" + "100800" + "000000", sent());
        writer.setPixelFormat(PixelFormat.trueColour(16, 16, true, 31, 63, 31, 11, 5, 0));
        assertEquals("00000000" + "10100101" + "001f003f001f" + "0b0500" + "000000", sent());
    }

    @Test
    void setEncodings() {
        writer.setEncodings(List.of(Encodings.COPY_RECT, Encodings.RAW, Encodings.CURSOR, Encodings.DESKTOP_SIZE));
        assertEquals("0200" + "0004" + "00000001" + "00000000" + "ffffff11" + "ffffff21", sent());
    }

    @Test
    void framebufferUpdateRequest() {
        writer.framebufferUpdateRequest(true, 1, 2, 0x300, 0xFFFF);
        assertEquals("03" + "01" + "0001" + "0002" + "0300" + "ffff", sent());
        writer.framebufferUpdateRequest(false, 0, 0, 640, 480);
        assertEquals("03" + "00" + "0000" + "0000" + "0280" + "01e0", sent());
    }

    @Test
    void keyEvent() {
        writer.keyEvent(true, Keysyms.RETURN);
        assertEquals("04" + "01" + "0000" + "0000ff0d", sent());
        writer.keyEvent(false, Keysyms.forCodePoint('\u20ac'));
        assertEquals("04" + "00" + "0000" + "010020ac", sent());
    }

    @Test
    void pointerEventWithEightButtons() {
        writer.pointerEvent(PointerButtons.LEFT | PointerButtons.WHEEL_DOWN, 10, 0x1234);
        assertEquals("05" + "11" + "000a" + "1234", sent());
        writer.pointerEvent(PointerButtons.button(8), 0, 0);
        assertEquals("05" + "80" + "0000" + "0000", sent());
        assertThrows(IllegalArgumentException.class, () -> writer.pointerEvent(0x100, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> PointerButtons.button(9));
    }

    @Test
    void clientCutTextIsLatin1() {
        writer.clientCutText("h\u00e9\u20ac");
        assertEquals("06" + "000000" + "00000003" + "68e93f", sent());
        writer.clientCutText("");
        assertEquals("06" + "000000" + "00000000", sent());
    }

    @Test
    void fieldsOutsideTheirWireSizeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> writer.framebufferUpdateRequest(false, 0, 0, 65536, 1));
        assertThrows(IllegalArgumentException.class, () -> writer.pointerEvent(0, -1, 0));
    }
}
