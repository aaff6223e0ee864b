// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticContentHandlerTest {

    @TempDir
    Path webRoot;

    private EmbeddedChannel channel;

    @AfterEach
    void finish() {
        if (channel != null) {
            Object leftover;
            while ((leftover = channel.readOutbound()) != null) {
                ReferenceCountUtil.release(leftover);
            }
            assertFalse(channel.finish());
        }
    }

    private EmbeddedChannel channelServing(WebContent content) {
        channel = new EmbeddedChannel(new ChunkedWriteHandler(),
                new StaticContentHandler(content, () -> "{\"status\":\"ok\"}"));
        return channel;
    }

    /** Sends one request and gathers the whole response: status line, headers and body. */
    private Response get(HttpMethod method, String uri) {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
        channel.runPendingTasks();
        HttpResponse head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            if (message instanceof HttpResponse response) {
                head = response;
            }
            if (message instanceof HttpContent content) {
                ByteBuf bytes = content.content();
                byte[] copy = new byte[bytes.readableBytes()];
                bytes.getBytes(bytes.readerIndex(), copy);
                body.writeBytes(copy);
            }
            boolean last = message instanceof LastHttpContent || message instanceof FullHttpResponse;
            ReferenceCountUtil.release(message);
            if (last) {
                break;
            }
        }
        return new Response(head, body.toString(StandardCharsets.UTF_8));
    }

    private record Response(HttpResponse head, String body) {
        int status() {
            return head.status().code();
        }

        String header(CharSequence name) {
            return head.headers().get(name);
        }
    }

    @Test
    void servesTheBundledViewerOrAPlaceholderAtTheRoot() {
        channelServing(new ClasspathWebContent());
        Response response = get(HttpMethod.GET, "/");
        assertEquals(200, response.status());
        assertEquals("text/html; charset=utf-8", response.header(HttpHeaderNames.CONTENT_TYPE));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertTrue(response.body().contains("<html"), response.body());
        assertEquals(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length),
                response.header(HttpHeaderNames.CONTENT_LENGTH));
    }

    @Test
    void theBundledViewerIsNeverFramedAndLoadsOnlyItsOwnOrigin() {
        channelServing(new ClasspathWebContent());
        Response response = get(HttpMethod.GET, "/?autoconnect=1");
        String policy = response.header("Content-Security-Policy");
        assertTrue(policy != null && policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'self'"),
                String.valueOf(policy));
        assertEquals("DENY", response.header("X-Frame-Options"));
    }

    @Test
    void filesFromADirectoryMayBeFramedOnlyByTheirOwnSite() throws IOException {
        Files.writeString(webRoot.resolve("vnc.html"), "<html>novnc</html>");
        channelServing(new DirectoryWebContent(webRoot));
        Response response = get(HttpMethod.GET, "/vnc.html");
        assertEquals("frame-ancestors 'self'", response.header("Content-Security-Policy"));
        assertEquals("SAMEORIGIN", response.header("X-Frame-Options"));
    }

    @Test
    void servesFilesFromADirectoryWithTheirTypes() throws IOException {
        Files.createDirectories(webRoot.resolve("core"));
        Files.writeString(webRoot.resolve("core/rfb.js"), "export const x = 1;\n");
        Files.writeString(webRoot.resolve("vnc.html"), "<html>novnc</html>");
        channelServing(new DirectoryWebContent(webRoot));

        Response script = get(HttpMethod.GET, "/core/rfb.js?v=2");
        assertEquals(200, script.status());
        assertEquals("text/javascript; charset=utf-8", script.header(HttpHeaderNames.CONTENT_TYPE));
        assertEquals("export const x = 1;\n", script.body());
        assertTrue(script.header(HttpHeaderNames.LAST_MODIFIED) != null);

        assertEquals("<html>novnc</html>", get(HttpMethod.GET, "/vnc.html").body());
    }

    @Test
    void headSendsHeadersWithoutABody() throws IOException {
        Files.writeString(webRoot.resolve("index.html"), "<html>hello</html>");
        channelServing(new DirectoryWebContent(webRoot));
        Response response = get(HttpMethod.HEAD, "/");
        assertEquals(200, response.status());
        assertEquals("18", response.header(HttpHeaderNames.CONTENT_LENGTH));
        assertEquals("", response.body());
    }

    @Test
    void refusesTraversalAndMissingFiles() throws IOException {
        Path inside = Files.createDirectories(webRoot.resolve("www"));
        Files.writeString(webRoot.resolve("secret.txt"), "secret");
        channelServing(new DirectoryWebContent(inside));
        assertEquals(400, get(HttpMethod.GET, "/../secret.txt").status());
        assertEquals(400, get(HttpMethod.GET, "/%2e%2e/secret.txt").status());
        assertEquals(400, get(HttpMethod.GET, "/a/..%2f..%2fsecret.txt").status());
        assertEquals(404, get(HttpMethod.GET, "/absent.js").status());
    }

    @Test
    void hiddenFilesAreNeverServed() throws IOException {
        Files.createDirectories(webRoot.resolve(".git"));
        Files.writeString(webRoot.resolve(".git/config"), "[remote] url = secret");
        Files.writeString(webRoot.resolve(".env"), "PASSWORD=secret");
        Files.writeString(webRoot.resolve("visible.txt"), "fine");
        Files.createSymbolicLink(webRoot.resolve("config.txt"), webRoot.resolve(".git/config"));
        channelServing(new DirectoryWebContent(webRoot));
        assertEquals(404, get(HttpMethod.GET, "/.git/config").status());
        assertEquals(404, get(HttpMethod.GET, "/.env").status());
        assertEquals(404, get(HttpMethod.GET, "/config.txt").status(), "a link to a hidden file");
        assertEquals(200, get(HttpMethod.GET, "/visible.txt").status());
    }

    @Test
    void symbolicLinksCannotLeaveTheRoot() throws IOException {
        Path inside = Files.createDirectories(webRoot.resolve("www"));
        Files.writeString(webRoot.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(inside.resolve("link.txt"), webRoot.resolve("secret.txt"));
        channelServing(new DirectoryWebContent(inside));
        assertEquals(404, get(HttpMethod.GET, "/link.txt").status());
    }

    @Test
    void onlyGetAndHeadAreServed() {
        channelServing(new ClasspathWebContent());
        Response response = get(HttpMethod.POST, "/");
        assertEquals(405, response.status());
        assertEquals("GET, HEAD", response.header(HttpHeaderNames.ALLOW));
    }

    @Test
    void answersHealthChecks() {
        channelServing(new ClasspathWebContent());
        Response response = get(HttpMethod.GET, "/healthz");
        assertEquals(200, response.status());
        assertEquals("{\"status\":\"ok\"}\n", response.body());
    }

    @Test
    void normalisesPaths() {
        assertEquals("/index.html", StaticContentHandler.normalise("/"));
        assertEquals("/app/index.html", StaticContentHandler.normalise("/app/"));
        assertNull(StaticContentHandler.normalise("/a//b"));
        assertNull(StaticContentHandler.normalise("/./a"));
        assertNull(StaticContentHandler.normalise("/a\\b"));
        assertNull(StaticContentHandler.normalise("/a\0b"));
        assertNull(StaticContentHandler.normalise("relative"));
    }
}
