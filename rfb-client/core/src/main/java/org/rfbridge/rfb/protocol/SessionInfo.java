// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.List;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * What the handshake established. Immutable.
 *
 * @param serverVersion         the version the server announced
 * @param version               the version spoken
 * @param offeredSecurityTypes  the security types the server offered (for RFB 3.3, the one it imposed)
 * @param securityType          the security type used
 * @param width                 desktop width from ServerInit
 * @param height                desktop height from ServerInit
 * @param serverPixelFormat     the server's native pixel format from ServerInit
 * @param pixelFormat           the pixel format updates arrive in
 * @param name                  the desktop name
 */
public record SessionInfo(ProtocolVersion serverVersion, ProtocolVersion version, List<Integer> offeredSecurityTypes,
        int securityType, int width, int height, PixelFormat serverPixelFormat, PixelFormat pixelFormat,
        String name) {
    public SessionInfo {
        offeredSecurityTypes = List.copyOf(offeredSecurityTypes);
    }
}
