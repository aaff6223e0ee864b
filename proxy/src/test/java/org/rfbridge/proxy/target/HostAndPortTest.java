// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostAndPortTest {

    @Test
    void parsesHostAndPort() {
        assertEquals(new HostAndPort("vnc.example", 5901), HostAndPort.parse("VNC.example:5901"));
    }

    @Test
    void parsesBracketedIpv6() {
        HostAndPort parsed = HostAndPort.parse("[::1]:5900");
        assertEquals("::1", parsed.host());
        assertEquals("[::1]:5900", parsed.toString());
    }

    @Test
    void bareOrColonPortUsesTheDefaultHost() {
        assertEquals(new HostAndPort("localhost", 6080), HostAndPort.parse("6080", "localhost"));
        assertEquals(new HostAndPort("localhost", 6080), HostAndPort.parse(":6080", "localhost"));
    }

    @Test
    void rejectsWhatIsNotAnEndpoint() {
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("5900"));
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("host:0"));
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("host:65536"));
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("host:vnc"));
        assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostAndPort.parse("::1:5900"));
        assertTrue(e.getMessage().contains("brackets"), e.getMessage());
    }
}
