// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rfbridge.proxy.target.FixedTargetResolver;
import org.rfbridge.proxy.target.HostAndPort;

class ProxyConfigTest {

    private final ProxyConfig.Builder builder =
            ProxyConfig.builder(new FixedTargetResolver(new HostAndPort("127.0.0.1", 5900)));

    @Test
    void defaultsMatchWhatNoVncExpects() {
        ProxyConfig config = builder.build();
        assertEquals(6080, config.listen().getPort());
        assertEquals("/websockify", config.webSocketPath());
        assertEquals(Duration.ofSeconds(30), config.pingInterval());
        assertEquals(Duration.ZERO, config.idleTimeout());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> builder.webSocketPath("websockify").build());
        assertThrows(IllegalArgumentException.class, () -> builder.webSocketPath("/ws?x=1").build());
        assertThrows(IllegalArgumentException.class, () -> builder.webSocketPath("/ws").maxSessions(0).build());
        assertThrows(IllegalArgumentException.class, () -> builder.maxSessions(1).writeBufferWaterMarks(10, 5).build());
        assertThrows(IllegalArgumentException.class, () -> builder.writeBufferWaterMarks(5, 10).sslOnly(true).build());
    }

    @Test
    void anOriginWithoutSchemeOrAHostWithAPortIsRefusedWithTheReason() {
        IllegalArgumentException origin = assertThrows(IllegalArgumentException.class,
                () -> builder.allowedOrigins(List.of("example.org")).build());
        assertTrue(origin.getMessage().contains("scheme://host[:port]"), origin.getMessage());
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> builder.allowedOrigins(List.of()).allowedHosts(List.of("vnc.example:443")).build());
        assertTrue(host.getMessage().contains("no scheme, no port"), host.getMessage());
    }

    @Test
    void theCommandLineReportsABadOriginAsAUsageError() {
        assertEquals(2, ProxyMain.run("--target", "127.0.0.1:5900", "--listen", "127.0.0.1:0",
                "--allowed-origin", "example.org"));
    }
}
