// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy sameHost = new OriginPolicy(List.of(), false);

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
                new OriginPolicy(List.of(), true).refusal(null, "localhost:6080", false));
    }

    @Test
    void configuredOriginsReplaceTheDefault() {
        OriginPolicy policy = new OriginPolicy(List.of("https://app.example", "http://10.0.0.5:8080"), false);
        assertNull(policy.refusal("https://app.example:443", "proxy:6080", false));
        assertNull(policy.refusal("http://10.0.0.5:8080", "proxy:6080", false));
        assertNotNull(policy.refusal("http://proxy:6080", "proxy:6080", false));
        assertNull(new OriginPolicy(List.of("*"), false).refusal("http://anything", "proxy:6080", false));
    }
}
