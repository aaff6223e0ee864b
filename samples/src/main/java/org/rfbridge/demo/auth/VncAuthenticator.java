// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Server side of VNC Authentication (RFC 6143 §7.2.2): issues 16-byte challenges and checks the client's
 * DES-encrypted answer.
 *
 * <p>The password is truncated to its first eight bytes (shorter ones are padded with zeros), and each key
 * byte has its bit order reversed before it is used as a DES key: that is what every VNC implementation
 * does, as the RFC's errata records. Instances are immutable and may be shared by all sessions.
 */
public final class VncAuthenticator {

    /** Length in bytes of the challenge and of the response. */
    public static final int CHALLENGE_LENGTH = 16;

    /** VNC passwords longer than this are silently truncated by every client, so the server does the same. */
    public static final int MAX_PASSWORD_BYTES = 8;

    private final Des cipher;
    private final SecureRandom random;

    private VncAuthenticator(byte[] password, SecureRandom random) {
        this.cipher = new Des(keyFromPassword(password));
        this.random = random;
    }

    /**
     * @param password the password bytes; only the first {@value #MAX_PASSWORD_BYTES} count
     * @throws IllegalArgumentException if the password is empty (an empty VNC password would let anyone in
     *                                  while looking protected)
     */
    public static VncAuthenticator forPassword(byte[] password) {
        return forPassword(password, new SecureRandom());
    }

    /** As {@link #forPassword(byte[])}, with the random source for challenges chosen by the caller (tests). */
    public static VncAuthenticator forPassword(byte[] password, SecureRandom random) {
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
        byte[] response = new byte[CHALLENGE_LENGTH];
        cipher.encryptBlock(challenge, 0, response, 0);
        cipher.encryptBlock(challenge, 8, response, 8);
        return response;
    }

    /**
     * @return true when {@code response} is the right answer to {@code challenge}; false for a wrong
     *         password or a response of the wrong length. Compares in constant time.
     */
    public boolean verify(byte[] challenge, byte[] response) {
        return MessageDigest.isEqual(expectedResponse(challenge), response);
    }

    /** The DES key VNC derives from a password: first eight bytes, zero-padded, each byte bit-mirrored. */
    static byte[] keyFromPassword(byte[] password) {
        byte[] key = Arrays.copyOf(password, MAX_PASSWORD_BYTES);
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (Integer.reverse(key[i] & 0xFF) >>> 24);
        }
        return key;
    }
}
