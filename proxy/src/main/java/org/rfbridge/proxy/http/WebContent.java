// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import java.io.IOException;
import java.util.Optional;

/** A tree of static files the proxy serves. Implementations must be safe to call from any event loop. */
public interface WebContent {

    /**
     * Finds the file at {@code path}, which the caller has already normalised: it starts with {@code /}, has
     * no empty, {@code .} or {@code ..} segments, and names a file rather than a directory.
     */
    Optional<WebResource> find(String path) throws IOException;

    /** Where the files come from, for the start-up log. */
    String describe();

    /**
     * The Content-Security-Policy sent with every file. The default only keeps other sites from framing the
     * pages (clickjacking a link such as {@code /?autoconnect=1}), which suits files the proxy did not write,
     * such as noVNC's.
     */
    default String contentSecurityPolicy() {
        return "frame-ancestors 'self'";
    }
}
