// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import java.io.IOException;

/** One static file: its metadata, and a fresh body for each response. */
public interface WebResource {

    long length();

    /** Milliseconds since the epoch, for {@code Last-Modified}; zero when unknown. */
    long lastModifiedMillis();

    String contentType();

    /**
     * A new body for one response: a {@link io.netty.buffer.ByteBuf} the caller releases by writing it, or a
     * {@link io.netty.handler.stream.ChunkedInput} of {@link io.netty.handler.codec.http.HttpContent} ending
     * with the last content.
     */
    Object newBody() throws IOException;
}
