// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Clipboard text as the extended clipboard carries it (UTF-8, CRLF line ends, a terminating NUL) and as the
 * desktop keeps it (a Java string with LF line ends). Legacy cut text arrives with any line ends too, so it
 * goes through {@link #toLf} as well.
 */
final class ExtendedClipboardText {

    private ExtendedClipboardText() {
    }

    /** The wire form of {@code text}: LF (and lone CR) become CRLF, UTF-8, then a NUL. */
    static byte[] encode(String text) {
        String crlf = toLf(text).replace("\n", "\r\n");
        byte[] utf8 = crlf.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, out, 0, utf8.length);
        return out;
    }

    /**
     * The text of wire bytes: one trailing NUL dropped, strict UTF-8, line ends to LF.
     *
     * @return the text, or null when the bytes are not UTF-8
     */
    static String decode(byte[] bytes) {
        int length = bytes.length > 0 && bytes[bytes.length - 1] == 0 ? bytes.length - 1 : bytes.length;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
            return toLf(text);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** CRLF and lone CR become LF. */
    static String toLf(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
