// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy sameHost = new OriginPolicy(List.of(), false, List.of("proxy.example"));

    @Test
    void sameHostIsAllowedByDefault() {
        assertNull(sameHost.refusal("http://localhost:6080", "localhost:6080", false));
        assertNull(sameHost.refusal("https://Proxy.Example", "proxy.example", true));
        assertNull(sameHost.refusal("http://[::1]:6080", "[::1]:6080", false));
    }

    @Test
    void otherHostsAndPortsAreRefusedByDefault() {
        assertNotNull(sameHost.refusal("http://evil.example", "localhost:6080", false));
        assertNotNull(sameHost.refusal("http://localhost:8080", "localhost:6080", false));
        assertNotNull(sameHost.refusal("null", "localhost:6080", false));
        assertNotNull(sameHost.refusal("https://proxy.example", "proxy.example", false));
    }

    @Test
    void missingOriginIsAllowedUnlessRequired() {
        assertNull(sameHost.refusal(null, "localhost:6080", false));
        assertEquals("an Origin header is required",
                new OriginPolicy(List.of(), true, List.of()).refusal(null, "localhost:6080", false));
    }

    @Test
    void configuredOriginsReplaceTheDefault() {
        OriginPolicy policy = new OriginPolicy(List.of("https://app.example", "http://10.0.0.5:8080"), false, List.of());
        assertNull(policy.refusal("https://app.example:443", "proxy:6080", false));
        assertNull(policy.refusal("http://10.0.0.5:8080", "proxy:6080", false));
        assertNotNull(policy.refusal("http://proxy:6080", "proxy:6080", false));
        assertNull(new OriginPolicy(List.of("*"), false, List.of()).refusal("http://anything", "proxy:6080", false));
    }

    @Test
    void aRebindingAttackersNameIsRefusedThoughOriginAndHostMatch() {
        // After a DNS rebind, evil.example resolves to this proxy and the attacker's page sends both headers.
        String refusal = sameHost.refusal("http://evil.example:6080", "evil.example:6080", false);
        assertNotNull(refusal);
        assertTrue(refusal.contains("--allowed-host"), refusal);
        assertNull(sameHost.refusal("http://127.0.0.1:6080", "127.0.0.1:6080", false));
        assertNull(sameHost.refusal("http://vnc.localhost:6080", "vnc.localhost:6080", false));
        assertNull(new OriginPolicy(List.of(), false, List.of("Evil.Example"))
                .refusal("http://evil.example:6080", "evil.example:6080", false), "an operator's name is allowed");
    }

    @Test
    void hostNamesWithUnderscoresAreOrigins() {
        OriginPolicy policy = new OriginPolicy(List.of(), false, List.of("vnc_host.lan"));
        assertNull(policy.refusal("http://vnc_host.lan:6080", "vnc_host.lan:6080", false));
        assertNull(new OriginPolicy(List.of("https://my_app.example"), false, List.of())
                .refusal("https://my_app.example", "proxy:6080", false));
    }

    @Test
    void anAllowedOriginWithoutSchemeIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OriginPolicy(List.of("example.org"), false, List.of()));
        assertTrue(e.getMessage().contains("'example.org' is not an origin"), e.getMessage());
        assertNotNull(OriginPolicy.normalise("http://[::1]:6080"));
        assertNull(OriginPolicy.normalise("http://host:99999"));
        assertNull(OriginPolicy.normalise("http://user@host"));
    }
}
