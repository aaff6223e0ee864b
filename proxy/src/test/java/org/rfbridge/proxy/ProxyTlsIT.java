// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.proxy.support.JdkWebSocketClient;
import org.rfbridge.proxy.support.RawWebSocket;
import org.rfbridge.testharness.SystemPrograms;
import org.rfbridge.proxy.support.TestBackend;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;

/** https and wss on the proxy's one port, with a certificate made for the test by openssl. */
@Timeout(60)
class ProxyTlsIT {

    @TempDir
    static Path certDir;

    private static Path cert;
    private static Path key;
    private static SSLContext clientTls;

    private TestBackend backend;
    private ProxyServer proxy;

    @BeforeAll
    static void makeCertificate() throws Exception {
        String openssl = SystemPrograms.require("openssl", "openssl");
        cert = certDir.resolve("cert.pem");
        key = certDir.resolve("key.pem");
        makeCertificate(cert, key, "localhost");

        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("proxy", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, factory.getTrustManagers(), null);
    }

    private static void makeCertificate(Path certFile, Path keyFile, String commonName) throws Exception {
        String openssl = SystemPrograms.require("openssl", "openssl");
        Process process = new ProcessBuilder(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", keyFile.toString(), "-out", certFile.toString(), "-days", "2", "-subj", "/CN=" + commonName,
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }

    /** The subject of the certificate the proxy at {@code port} presents now, trusting whatever it is. */
    private static String presentedSubject(int port) throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) trustAll.getSocketFactory()
                .createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            return ((java.security.cert.X509Certificate) socket.getSession().getPeerCertificates()[0])
                    .getSubjectX500Principal().getName();
        }
    }

    @AfterEach
    void stop() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private void start(boolean sslOnly) throws IOException {
        backend = TestBackend.start(socket -> {
            socket.getOutputStream().write("RFB 003.008\n".getBytes());
            socket.getInputStream().read();
        });
        proxy = ProxyServer.start(ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse(backend.hostAndPort())))
                .listen(new InetSocketAddress("127.0.0.1", 0))
                .sslContext(TlsContexts.server(cert.toFile(), key.toFile()))
                .sslOnly(sslOnly)
                .build());
    }

    @Test
    void servesHttpsAndWssOnTheSamePort() throws Exception {
        start(false);
        int port = proxy.localAddress().getPort();
        assertTrue(proxy.url().startsWith("https://"), proxy.url());
        HttpClient https = HttpClient.newBuilder().sslContext(clientTls).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> page = https.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());

        JdkWebSocketClient client = JdkWebSocketClient.connect(https,
                URI.create("wss://localhost:" + port + "/websockify"), 12);
        client.allReceived().get(10, TimeUnit.SECONDS);
        assertEquals(12, client.receivedBytes());
        client.webSocket().sendClose(1000, "").get(5, TimeUnit.SECONDS);
    }

    @Test
    void plainConnectionsShareThePortUnlessSslOnly() throws Exception {
        start(false);
        try (RawWebSocket plain = RawWebSocket.connect(proxy.localAddress().getPort(), "/websockify")) {
            assertEquals(101, plain.handshake().status());
            assertEquals("RFB 003.008\n", new String(plain.readBinary(12)));
        }
        proxy.close();
        backend.close();
        start(true);
        assertThrows(IOException.class, () -> {
            try (RawWebSocket plain = RawWebSocket.connect(proxy.localAddress().getPort(), "/websockify")) {
                plain.readFrame();
            }
        });
    }

    @Test
    void refusesCipherSuitesWithoutForwardSecrecy() throws Exception {
        start(false);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) clientTls.getSocketFactory()
                .createSocket("localhost", proxy.localAddress().getPort())) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_AES_128_GCM_SHA256"});
            assertThrows(IOException.class, socket::startHandshake,
                    "a static-RSA key exchange must not be accepted");
        }
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) clientTls.getSocketFactory()
                .createSocket("localhost", proxy.localAddress().getPort())) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
            socket.startHandshake();
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", socket.getSession().getCipherSuite());
        }
    }

    @Test
    void aRenewedCertificateIsUsedForNewConnectionsWithoutARestart() throws Exception {
        Path renewing = Files.createDirectories(certDir.resolve("renewing"));
        Path liveCert = renewing.resolve("cert.pem");
        Path liveKey = renewing.resolve("key.pem");
        makeCertificate(liveCert, liveKey, "before");
        backend = TestBackend.start(socket -> socket.getInputStream().read());
        try (ReloadingSslContext tls = new ReloadingSslContext(liveCert.toFile(), liveKey.toFile(),
                Duration.ofMillis(50))) {
            proxy = ProxyServer.start(ProxyConfig.builder(new FixedTargetResolver(HostAndPort.parse(backend.hostAndPort())))
                    .listen(new InetSocketAddress("127.0.0.1", 0))
                    .sslContextSource(tls)
                    .build());
            int port = proxy.localAddress().getPort();
            assertEquals("CN=before", presentedSubject(port));

            Files.writeString(liveCert, "-----BEGIN CERTIFICATE-----\nhalf-written\n");
            Thread.sleep(300);
            assertEquals("CN=before", presentedSubject(port), "a file that does not load keeps the old one");

            Path next = Files.createDirectories(certDir.resolve("next"));
            makeCertificate(next.resolve("cert.pem"), next.resolve("key.pem"), "after");
            Files.copy(next.resolve("key.pem"), liveKey, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(next.resolve("cert.pem"), liveCert, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            long deadline = System.nanoTime() + 10_000_000_000L;
            String subject = presentedSubject(port);
            while (!subject.equals("CN=after") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                subject = presentedSubject(port);
            }
            assertEquals("CN=after", subject);
        }
    }
}
