// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;

/**
 * VNC Authentication (RFC 6143 section 7.2.2): the server sends a 16-byte challenge, the client returns it
 * DES-encrypted with a key made from the password.
 */
public final class VncAuthSecurity implements SecurityHandler {
    /** Bytes of the challenge and of the response. */
    public static final int CHALLENGE_SIZE = 16;
    /** Only this many bytes of the password count; servers ignore the rest. */
    public static final int MAX_PASSWORD_BYTES = 8;

    private final PasswordProvider passwords;

    public VncAuthSecurity(PasswordProvider passwords) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
    }

    @Override
    public int type() {
        return SecurityTypes.VNC_AUTH;
    }

    @Override
    public boolean process(RfbInput in, RfbOutput out) throws RfbException {
        if (!in.has(CHALLENGE_SIZE)) {
            return false;
        }
        char[] password = passwords.password();
        if (password == null) {
            throw new RfbAuthenticationException(ErrorCode.PASSWORD_REQUIRED, "the server requires a VNC password and none was given");
        }
        byte[] challenge = in.readBytes(CHALLENGE_SIZE);
        try {
            out.writeBytes(response(password, challenge));
        } finally {
            Arrays.fill(password, '\0');
        }
        return true;
    }

    @Override
    public boolean authenticated() {
        return true;
    }

    /**
     * The response to {@code challenge}: each 8-byte half encrypted with DES under the password key.
     *
     * <p>The key is the password's UTF-8 bytes, cut to {@value #MAX_PASSWORD_BYTES} and padded with zeros,
     * with the bits of every byte mirrored: the original VNC code loaded key bytes least significant bit
     * first, and every server since has kept that (RFC 6143 errata 4951).
     */
    public static byte[] response(char[] password, byte[] challenge) {
        if (challenge.length != CHALLENGE_SIZE) {
            throw new IllegalArgumentException("challenge of " + challenge.length + " bytes");
        }
        byte[] key = passwordKey(password);
        try {
            // The JDK's DES: VNC Authentication is two blocks in ECB mode, which is what the RFB servers expect.
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no DES, which VNC Authentication needs", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The 8-byte, bit-mirrored DES key for {@code password}. */
    static byte[] passwordKey(char[] password) {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] key = new byte[MAX_PASSWORD_BYTES];
        int length = Math.min(MAX_PASSWORD_BYTES, utf8.remaining());
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (Integer.reverse(utf8.get(i) & 0xFF) >>> 24);
        }
        if (utf8.hasArray()) {
            Arrays.fill(utf8.array(), (byte) 0);
        }
        return key;
    }
}
