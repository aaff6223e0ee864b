// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy;

import java.net.InetSocketAddress;
import org.rfbridge.proxy.target.HostAndPort;

/**
 * Parses {@code --listen [ADDRESS:]PORT} for the proxy's command lines. Port 0 is accepted (any free port,
 * printed once bound), which tests and scripts use to avoid collisions.
 */
public final class ListenAddress {

    private ListenAddress() {
    }

    /**
     * @throws IllegalArgumentException with a message for the user when the text is not [ADDRESS:]PORT or the
     *                                  address cannot be resolved
     */
    public static InetSocketAddress parse(String text, String defaultHost) {
        String trimmed = text.trim();
        boolean anyPort = trimmed.equals("0") || trimmed.endsWith(":0");
        // HostAndPort checks the address part and ports 1-65535; a stand-in port lets it check the address.
        String checked = !anyPort ? trimmed
                : trimmed.equals("0") ? "1" : trimmed.substring(0, trimmed.length() - 1) + "1";
        HostAndPort hostAndPort = HostAndPort.parse(checked, defaultHost);
        InetSocketAddress address = new InetSocketAddress(hostAndPort.host(), anyPort ? 0 : hostAndPort.port());
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve " + address.getHostString());
        }
        return address;
    }
}
