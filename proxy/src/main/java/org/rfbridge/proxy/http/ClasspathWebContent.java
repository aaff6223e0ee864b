// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web viewer bundled on the classpath under {@value #ROOT}/ (the web-viewer module's jar). Files are
 * read once and kept: they are few and small, and serving them from memory keeps disk reads off the event
 * loop. Without a bundled viewer, {@code /index.html} is a short page that says so.
 */
public final class ClasspathWebContent implements WebContent {

    static final String ROOT = "rfbridge-web";
    private static final long MAX_CACHED_BYTES = 8L << 20;

    private final ClassLoader loader;
    private final boolean viewerBundled;
    private final Map<String, Optional<InMemoryResource>> cache = new ConcurrentHashMap<>();

    public ClasspathWebContent() {
        this(ClasspathWebContent.class.getClassLoader());
    }

    ClasspathWebContent(ClassLoader loader) {
        this.loader = loader;
        this.viewerBundled = loader.getResource(ROOT + "/index.html") != null;
    }

    /** Whether the web viewer's files are on the classpath. */
    public boolean viewerBundled() {
        return viewerBundled;
    }

    @Override
    public Optional<WebResource> find(String path) throws IOException {
        Optional<InMemoryResource> cached = cache.get(path);
        if (cached == null) {
            cached = load(path);
            // Only files that exist are remembered, so probing random paths cannot grow the cache.
            if (cached.isPresent()) {
                cache.putIfAbsent(path, cached);
            }
        }
        return cached.map(resource -> resource);
    }

    private Optional<InMemoryResource> load(String path) throws IOException {
        if (!viewerBundled && path.equals("/index.html")) {
            return Optional.of(new InMemoryResource(MimeTypes.forPath(path),
                    PLACEHOLDER.getBytes(StandardCharsets.UTF_8)));
        }
        try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readNBytes((int) MAX_CACHED_BYTES + 1);
            if (bytes.length > MAX_CACHED_BYTES) {
                throw new IOException(ROOT + path + " is larger than " + MAX_CACHED_BYTES + " bytes");
            }
            return Optional.of(new InMemoryResource(MimeTypes.forPath(path), bytes));
        }
    }

    /**
     * The bundled viewer loads only its own files and talks only to its own origin (which covers its
     * WebSocket), has no inline script or style, and is never framed.
     */
    @Override
    public String contentSecurityPolicy() {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public String describe() {
        return viewerBundled ? "the bundled web viewer" : "a placeholder page (no web viewer bundled)";
    }

    private record InMemoryResource(String contentType, byte[] bytes) implements WebResource {
        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public long lastModifiedMillis() {
            return 0;
        }

        @Override
        public Object newBody() {
            return Unpooled.wrappedBuffer(bytes);
        }
    }

    private static final String PLACEHOLDER = """
            <!DOCTYPE html>
            <!-- SPDX-License-Identifier: Apache-2.0 -->
            <html lang="en">
            <head><meta charset="utf-8"><title>rfbridge proxy</title></head>
            <body>
            <h1>rfbridge proxy</h1>
            <p>The proxy is running, but this build does not bundle the rfbridge web viewer.</p>
            <p>Point a VNC-over-WebSocket client, such as noVNC, at the WebSocket path of this server, or
            start the proxy with <code>--web DIR</code> to serve a viewer from a directory.</p>
            </body>
            </html>
            """;
}
