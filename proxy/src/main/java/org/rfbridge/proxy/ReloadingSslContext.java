// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import io.netty.handler.ssl.SslContext;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy's TLS context, re-read when its certificate or key file changes, so that a renewed certificate
 * (certbot, an ACME client, a secret mount) is used without a restart. New connections get the new context;
 * open ones keep theirs. A file that does not load (a renewal caught half-written) keeps the previous
 * context, with a warning, until it loads. Polled on a daemon thread of its own.
 */
final class ReloadingSslContext implements Supplier<SslContext>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReloadingSslContext.class);

    private final File cert;
    private final File key;
    private final ScheduledExecutorService poller;
    private volatile SslContext current;
    private volatile String fingerprint;
    private volatile String failedFingerprint = "";

    /** Loads the files now (failing if they do not load) and then checks them every {@code pollInterval}. */
    ReloadingSslContext(File cert, File key, Duration pollInterval) throws SSLException {
        this.cert = cert;
        this.key = key;
        this.fingerprint = fingerprint();
        this.current = TlsContexts.server(cert, key);
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tls-certificate-poller");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(10, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public SslContext get() {
        return current;
    }

    private void reloadIfChanged() {
        String now = fingerprint();
        if (now.equals(fingerprint) || now.equals(failedFingerprint)) {
            return; // unchanged, or the same broken files already reported once
        }
        try {
            current = TlsContexts.server(cert, key);
            fingerprint = now;
            log.info("TLS certificate {} reloaded", cert);
        } catch (IOException | RuntimeException e) {
            failedFingerprint = now;
            log.warn("TLS certificate {} changed but does not load, keeping the previous one: {}", cert, e.toString());
        }
    }

    private String fingerprint() {
        return cert.lastModified() + "|" + cert.length() + "|" + key.lastModified() + "|" + key.length();
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
