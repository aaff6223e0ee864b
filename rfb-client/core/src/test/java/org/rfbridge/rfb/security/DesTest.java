// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class DesTest {
    private static final HexFormat HEX = HexFormat.of();

    // Published vectors: the worked example of the standard's tutorials, the classic "Now is t", and two
    // entries of the NBS validation tables (variable plaintext, variable key).
    @ParameterizedTest
    @CsvSource({
        "133457799bbcdff1, 0123456789abcdef, 85e813540f0ab405",
        "0123456789abcdef, 4e6f772069732074, 3fa40e8a984d4815",
        "0101010101010101, 95f8a5e5dd31d900, 8000000000000000",
        "8001010101010101, 0000000000000000, 95a8d72813daa94d",
    })
    void knownVectors(String key, String plain, String cipher) {
        Des des = new Des(HEX.parseHex(key));
        byte[] out = new byte[8];
        des.encryptBlock(HEX.parseHex(plain), 0, out, 0);
        assertEquals(cipher, HEX.formatHex(out));
        des.decryptBlock(out, 0, out, 0);
        assertEquals(plain, HEX.formatHex(out));
    }

    @Test
    void agreesWithTheJdkOnRandomKeysAndBlocks() throws Exception {
        Random random = new Random(7);
        Cipher jdk = Cipher.getInstance("DES/ECB/NoPadding");
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[8];
            byte[] block = new byte[8];
            random.nextBytes(key);
            random.nextBytes(block);
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            byte[] ours = new byte[8];
            new Des(key).encryptBlock(block, 0, ours, 0);
            assertArrayEquals(jdk.doFinal(block), ours, "key " + HEX.formatHex(key));
        }
    }

    @Test
    void rejectsKeysThatAreNotEightBytes() {
        assertThrows(IllegalArgumentException.class, () -> new Des(new byte[7]));
    }
}
