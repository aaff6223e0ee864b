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
        byte[] key = VncAuthSecurity.passwordKey("\u0001\u0080A".toCharArray());
        assertArrayEquals(new byte[] {(byte) 0x80, 0, (byte) 0x82, 0, 0, 0, 0, 0}, Arrays.copyOf(key, 8));
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
