// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the demo server's password file: a text file whose first line is the password (UTF-8).
 *
 * <p>Passwords come from a file rather than the command line so they do not show in process listings.
 */
public final class PasswordFile {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);

    /** Larger files are certainly not a password file; refusing them avoids reading something huge by mistake. */
    private static final long MAX_FILE_BYTES = 4096;

    private PasswordFile() {
    }

    /**
     * @return the characters of the first line, without its line terminator
     * @throws IOException if the file cannot be read, is too large, or its first line is empty
     */
    public static char[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException("password file " + file + " is " + size + " bytes; expected one short line");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        String password = text.substring(0, end);
        if (password.isEmpty()) {
            throw new IOException("password file " + file + " has an empty first line");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > VncAuthenticator.MAX_PASSWORD_BYTES) {
            LOG.warn("the password in {} is {} bytes long; VNC uses only the first {}",
                    file, bytes, VncAuthenticator.MAX_PASSWORD_BYTES);
        }
        return password.toCharArray();
    }
}
