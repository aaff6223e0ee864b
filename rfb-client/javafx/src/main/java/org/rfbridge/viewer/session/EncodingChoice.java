// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.util.Locale;
import org.rfbridge.rfb.client.Target;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.Encodings;

/**
 * Which encoding the viewer asks the server for first (TigerVNC's PreferredEncoding). Raw costs the least CPU
 * on both ends but moves four bytes a pixel; ZRLE compresses, which only pays where the link is slower than
 * the server's encoder. Announcing an encoding at all lets a server use it: Xvnc picks the best announced one
 * for the kinds of rectangle the preferred one does not cover, whatever the order.
 */
public enum EncodingChoice {
    /**
     * Straight to a server on this machine, Raw and CopyRect only (no compression anywhere); otherwise ZRLE
     * first, including through any WebSocket proxy, behind which the server may be anywhere.
     */
    AUTO,
    /** Raw first, ZRLE still announced. */
    RAW,
    /** ZRLE first. */
    ZRLE;

    /** The decoders to announce for a session to {@code target}, in preference order. */
    public DecoderRegistry decodersFor(Target target) {
        DecoderRegistry standard = DecoderRegistry.standard();
        return switch (this) {
            case RAW -> standard;
            case ZRLE -> standard.preferring(Encodings.ZRLE);
            case AUTO -> target.isWebSocket() || !isLoopback(target.host())
                    ? standard.preferring(Encodings.ZRLE)
                    : standard.without(Encodings.ZRLE);
        };
    }

    /** Literal loopback names only: resolving a name here could block the caller. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("[::1]");
    }
}
