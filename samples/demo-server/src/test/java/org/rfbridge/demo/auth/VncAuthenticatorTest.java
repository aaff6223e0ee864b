// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class VncAuthenticatorTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void matchesTheWellKnownVncPasswdVector() {
        // vncpasswd stores "password" encrypted under its fixed key 23,82,107,6,35,78,88,7 with the same
        // mirrored-key DES as VNC Authentication: the stored bytes are dbd83cfd727a1458.
        VncAuthenticator fixedKey = VncAuthenticator.forPassword(new char[] {23, 82, 107, 6, 35, 78, 88, 7});
        byte[] response = fixedKey.expectedResponse(ascii("passwordpassword"));
        assertArrayEquals(HexFormat.of().parseHex("dbd83cfd727a1458dbd83cfd727a1458"), response);
    }

    @Test
    void verifiesTheRightResponseOnly() {
        VncAuthenticator auth = VncAuthenticator.forPassword("secret");
        byte[] challenge = auth.newChallenge();
        byte[] response = auth.expectedResponse(challenge);
        assertTrue(auth.verify(challenge, response));
        byte[] wrong = response.clone();
        wrong[15] ^= 1;
        assertFalse(auth.verify(challenge, wrong));
        assertFalse(auth.verify(challenge, Arrays.copyOf(response, 15)));
        assertFalse(VncAuthenticator.forPassword("secreT").verify(challenge, response));
    }

    @Test
    void usesOnlyTheFirstEightBytesAndPadsShortOnesWithZeros() {
        byte[] challenge = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        assertArrayEquals(VncAuthenticator.forPassword("password").expectedResponse(challenge),
                VncAuthenticator.forPassword("password-and-more").expectedResponse(challenge));
        assertArrayEquals(VncAuthenticator.forPassword("pw").expectedResponse(challenge),
                VncAuthenticator.forPassword(new char[] {'p', 'w', 0, 0, 0, 0, 0, 0}).expectedResponse(challenge));
    }

    @Test
    void challengesAreFreshAndSixteenBytes() {
        VncAuthenticator auth = VncAuthenticator.forPassword("secret");
        byte[] first = auth.newChallenge();
        assertEquals(16, first.length);
        assertNotEquals(HexFormat.of().formatHex(first), HexFormat.of().formatHex(auth.newChallenge()));
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThrows(IllegalArgumentException.class, () -> VncAuthenticator.forPassword(new char[0]));
    }

    @Test
    void passwordFileGivesItsFirstLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pw");
        Files.writeString(file, "hunter2\r\nignored\n");
        assertArrayEquals("hunter2".toCharArray(), PasswordFile.read(file));
        Files.writeString(file, "\nsecond");
        assertThrows(IOException.class, () -> PasswordFile.read(file));
        Files.write(file, new byte[10_000]);
        assertThrows(IOException.class, () -> PasswordFile.read(file));
    }
}
