// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.http;

import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Files under a directory, as websockify's {@code --web DIR} serves them (so noVNC's own files can be served
 * by this proxy). Requests cannot leave the directory: the path is resolved and checked to still lie under
 * the real root, which also stops symbolic links pointing out of it. Hidden files and directories (a name
 * starting with a dot: {@code .git}, {@code .env}, {@code .htpasswd}) are never served, however reached:
 * a web root is often a checkout, and those hold what a site must not publish.
 */
public final class DirectoryWebContent implements WebContent {

    private static final int CHUNK_BYTES = 64 << 10;

    private final Path root;

    public DirectoryWebContent(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("web root " + root + " is not a directory");
        }
        this.root = root.toRealPath();
    }

    @Override
    public Optional<WebResource> find(String path) throws IOException {
        Path candidate = root.resolve(path.substring(1)).normalize();
        if (!candidate.startsWith(root) || isHidden(root.relativize(candidate))) {
            return Optional.empty();
        }
        Path real;
        try {
            real = candidate.toRealPath();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!real.startsWith(root) || isHidden(root.relativize(real)) || !Files.isRegularFile(real)
                || !Files.isReadable(real)) {
            return Optional.empty();
        }
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
        return Optional.of(new FileResource(real, attributes.size(), attributes.lastModifiedTime().toMillis()));
    }

    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "directory " + root;
    }

    private record FileResource(Path file, long length, long lastModifiedMillis) implements WebResource {
        @Override
        public String contentType() {
            return MimeTypes.forPath(file.getFileName().toString());
        }

        @Override
        public Object newBody() throws IOException {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return new HttpChunkedInput(new ChunkedNioFile(channel, 0, length, CHUNK_BYTES));
        }
    }
}
