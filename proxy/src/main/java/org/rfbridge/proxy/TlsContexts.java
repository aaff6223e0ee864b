// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.io.File;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The proxy's TLS for browsers: TLS 1.3 and 1.2 only, and only key exchanges with forward secrecy (ECDHE)
 * and AEAD ciphers, as current server guidance recommends. Netty's defaults also accept static-RSA key
 * exchange, which lets anyone who later obtains the key read recorded sessions, passwords included.
 * Every browser of the last years speaks these.
 */
public final class TlsContexts {
    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsContexts() {
    }

    /** A server context for the PEM certificate chain {@code cert} and private key {@code key}. */
    public static SslContext server(File cert, File key) throws SSLException {
        return SslContextBuilder.forServer(cert, key)
                .protocols(PROTOCOLS)
                .ciphers(CIPHER_SUITES, SupportedCipherSuiteFilter.INSTANCE)
                .build();
    }
}
