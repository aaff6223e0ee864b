// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import io.netty.handler.ssl.SslContext;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.rfbridge.proxy.files.FileWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's TLS context, re-read when its certificate or key file changes, so that a renewed certificate
 * (certbot, an ACME client, a secret mount) is used without a restart. New connections get the new context;
 * open ones keep theirs. A file that does not load (a renewal caught half-written) keeps the previous
 * context, with one warning, until it loads. Polled by a {@link FileWatch}.
 */
final class ReloadingSslContext implements Supplier<SslContext>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReloadingSslContext.class);

    private final FileWatch watch;
    private volatile SslContext current;

    /** Loads the files now (failing if they do not load) and then checks them every {@code pollInterval}. */
    ReloadingSslContext(File cert, File key, Duration pollInterval) throws IOException {
        watch = new FileWatch(() -> List.of(cert.toPath(), key.toPath()));
        current = TlsContexts.server(cert, key);
        watch.start("tls-certificate-poller", pollInterval, () -> {
            current = TlsContexts.server(cert, key);
            log.info("TLS certificate {} reloaded", cert);
        }, e -> log.warn("TLS certificate {} changed but does not load, keeping the previous one: {}", cert,
                e.toString()));
    }

    @Override
    public SslContext get() {
        return current;
    }

    @Override
    public void close() {
        watch.close();
    }
}
