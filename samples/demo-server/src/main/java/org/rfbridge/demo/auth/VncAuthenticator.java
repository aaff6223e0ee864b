// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import org.rfbridge.rfb.security.VncAuthSecurity;

/**
 * Server side of VNC Authentication (RFC 6143 §7.2.2): issues 16-byte challenges and checks the client's
 * DES-encrypted answer.
 *
 * <p>The answer is computed with the RFB core library's client code ({@link VncAuthSecurity#response}),
 * so client and server share one DES and one password-to-key rule (first eight UTF-8 bytes, zero-padded,
 * bits of each byte mirrored). Instances are immutable and may be shared by all sessions.
 */
public final class VncAuthenticator {

    /** Length in bytes of the challenge and of the response. */
    public static final int CHALLENGE_LENGTH = 16;

    /** VNC passwords longer than this many bytes are silently truncated by every client, so the server too. */
    public static final int MAX_PASSWORD_BYTES = 8;

    private final char[] password;
    private final SecureRandom random;

    private VncAuthenticator(char[] password, SecureRandom random) {
        this.password = password.clone();
        this.random = random;
    }

    /**
     * @param password the password; only its first {@value #MAX_PASSWORD_BYTES} UTF-8 bytes count
     * @throws IllegalArgumentException if the password is empty (an empty VNC password would let anyone in
     *                                  while looking protected)
     */
    public static VncAuthenticator forPassword(char[] password) {
        return forPassword(password, new SecureRandom());
    }

    /** As {@link #forPassword(char[])}. */
    public static VncAuthenticator forPassword(String password) {
        return forPassword(password.toCharArray());
    }

    /** As {@link #forPassword(char[])}, with the random source for challenges chosen by the caller (tests). */
    public static VncAuthenticator forPassword(char[] password, SecureRandom random) {
        if (password.length == 0) {
            throw new IllegalArgumentException("the VNC password is empty");
        }
        return new VncAuthenticator(password, random);
    }

    /** A fresh random challenge to send to one client. Thread-safe. */
    public byte[] newChallenge() {
        byte[] challenge = new byte[CHALLENGE_LENGTH];
        random.nextBytes(challenge);
        return challenge;
    }

    /** The response a client that knows the password sends for {@code challenge}. */
    public byte[] expectedResponse(byte[] challenge) {
        if (challenge.length != CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("a VNC challenge is 16 bytes, not " + challenge.length);
        }
        return VncAuthSecurity.response(password, challenge);
    }

    /**
     * @return true when {@code response} is the right answer to {@code challenge}; false for a wrong
     *         password or a response of the wrong length. Compares in constant time.
     */
    public boolean verify(byte[] challenge, byte[] response) {
        return MessageDigest.isEqual(expectedResponse(challenge), response);
    }
}
