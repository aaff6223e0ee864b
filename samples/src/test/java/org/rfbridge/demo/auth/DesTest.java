// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @ParameterizedTest(name = "key {0}, plain {1}")
    @CsvSource({
        // The worked example found in most DES write-ups.
        "133457799BBCDFF1, 0123456789ABCDEF, 85E813540F0AB405",
        // Published DES test vectors (NBS/NIST validation sets).
        "0E329232EA6D0D73, 8787878787878787, 0000000000000000",
        "0123456789ABCDEF, 4E6F772069732074, 3FA40E8A984D4815",
        "0000000000000000, 0000000000000000, 8CA64DE9C1B123A7",
        "FFFFFFFFFFFFFFFF, FFFFFFFFFFFFFFFF, 7359B2163E4EDC58",
        "0101010101010101, 95F8A5E5DD31D900, 8000000000000000",
        "8001010101010101, 0000000000000000, 95A8D72813DAA94D",
    })
    void matchesKnownVectors(String key, String plain, String cipher) {
        HexFormat hex = HexFormat.of();
        byte[] out = new byte[8];
        new Des(hex.parseHex(key)).encryptBlock(hex.parseHex(plain), 0, out, 0);
        assertArrayEquals(hex.parseHex(cipher), out);
    }

    @Test
    void matchesTheJdkOnRandomKeysAndBlocks() throws Exception {
        Random random = new Random(20250601);
        Cipher jdk = Cipher.getInstance("DES/ECB/NoPadding");
        for (int i = 0; i < 500; i++) {
            byte[] key = new byte[8];
            byte[] block = new byte[8];
            random.nextBytes(key);
            random.nextBytes(block);
            jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            byte[] ours = new byte[8];
            new Des(key).encryptBlock(block, 0, ours, 0);
            assertArrayEquals(jdk.doFinal(block), ours, "case " + i);
        }
    }

    @Test
    void encryptsInPlaceAtAnOffset() {
        HexFormat hex = HexFormat.of();
        byte[] buffer = hex.parseHex("AAAA0123456789ABCDEF");
        new Des(hex.parseHex("133457799BBCDFF1")).encryptBlock(buffer, 2, buffer, 2);
        assertArrayEquals(hex.parseHex("AAAA85E813540F0AB405"), buffer);
    }

    @Test
    void refusesKeysOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new Des(new byte[7]));
    }
}
