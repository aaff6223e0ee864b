// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text the server sends in the handshake: desktop names and reasons. RFC 6143 leaves their charset open;
 * modern servers (TigerVNC, QEMU) send UTF-8, old ones Latin-1, so UTF-8 when the bytes are valid UTF-8 and
 * Latin-1 otherwise. QEMU counts a C string's terminating NUL in the length: trailing NULs are dropped. The
 * JavaScript core's {@code server-text.js} does the same.
 */
final class ServerText {
    private ServerText() {
    }

    static String decode(byte[] bytes) {
        int length = bytes.length;
        while (length > 0 && bytes[length - 1] == 0) {
            length--;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    /** Line ends as the viewers use them: CRLF and a lone CR become LF, once, here. */
    static String toLf(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
