// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;

@Timeout(10)
class VncAuthSecurityTest {
    private static final byte[] CHALLENGE = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @Test
    void responseMatchesAnIndependentlyComputedVector() {
        // DES (JDK) under "password" with each key byte bit-mirrored, over challenge bytes 0..15.
        assertEquals("b866924125c8eebb9debc1db61c538e2",
                HexFormat.of().formatHex(VncAuthSecurity.response("password".toCharArray(), CHALLENGE)));
    }

    @Test
    void keyBitsAreMirroredPerByte() {
        // 0x01 -> 0x80, 'A' 0x41 -> 0x82; the rest is zero padding.
        assertArrayEquals(new byte[] {(byte) 0x80, (byte) 0x82, 0, 0, 0, 0, 0, 0},
                VncAuthSecurity.passwordKey("\u0001A".toCharArray()));
        // Non-ASCII characters count as their UTF-8 bytes (U+0080 is C2 80), as vncpasswd in a UTF-8
        // terminal stores them.
        assertArrayEquals(new byte[] {(byte) 0x80, 0x43, 0x01, (byte) 0x82, 0, 0, 0, 0},
                VncAuthSecurity.passwordKey("\u0001\u0080A".toCharArray()));
    }

    @Test
    void agreesWithTigerVncPasswordObfuscation() {
        // TigerVNC's vncpasswd stores a password DES-encrypted (with VNC's mirrored key bits) under the fixed
        // key 23,82,107,6,35,78,88,7: `echo password | vncpasswd -f | xxd -p` prints dbd83cfd727a1458.
        // Encrypting "password" under that key with our VNC key schedule must give the same 8 bytes.
        char[] fixedKey = {23, 82, 107, 6, 35, 78, 88, 7};
        byte[] block = Arrays.copyOf("passwordpassword".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 16);
        assertEquals("dbd83cfd727a1458dbd83cfd727a1458",
                HexFormat.of().formatHex(VncAuthSecurity.response(fixedKey, block)));
    }

    @Test
    void responseAgreesWithTheJdkDesUnderTheMirroredKey() throws Exception {
        byte[] mirrored = new byte[8];
        byte[] ascii = "secret".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < ascii.length; i++) {
            mirrored[i] = (byte) (Integer.reverse(ascii[i] & 0xFF) >>> 24);
        }
        javax.crypto.Cipher des = javax.crypto.Cipher.getInstance("DES/ECB/NoPadding");
        des.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(mirrored, "DES"));
        assertArrayEquals(des.doFinal(CHALLENGE), VncAuthSecurity.response("secret".toCharArray(), CHALLENGE));
    }

    @Test
    void onlyTheFirstEightCharactersCount() {
        assertArrayEquals(VncAuthSecurity.response("12345678".toCharArray(), CHALLENGE),
                VncAuthSecurity.response("12345678-ignored".toCharArray(), CHALLENGE));
        assertFalse(Arrays.equals(VncAuthSecurity.response("1234567".toCharArray(), CHALLENGE),
                VncAuthSecurity.response("12345678".toCharArray(), CHALLENGE)));
    }

    @Test
    void waitsForTheWholeChallengeThenAnswers() throws Exception {
        VncAuthSecurity auth = new VncAuthSecurity(PasswordProvider.of("password"));
        RfbInput in = new RfbInput();
        RfbOutput out = new RfbOutput();
        in.append(CHALLENGE, 0, 15);
        assertFalse(auth.process(in, out));
        assertEquals(0, out.size());
        in.append(CHALLENGE, 15, 1);
        assertTrue(auth.process(in, out));
        assertEquals("b866924125c8eebb9debc1db61c538e2", HexFormat.of().formatHex(out.take()));
    }

    @Test
    void missingPasswordIsAnAuthenticationError() {
        VncAuthSecurity auth = new VncAuthSecurity(PasswordProvider.NONE);
        RfbInput in = new RfbInput();
        in.append(CHALLENGE);
        assertThrows(RfbAuthenticationException.class, () -> auth.process(in, new RfbOutput()));
    }
}
