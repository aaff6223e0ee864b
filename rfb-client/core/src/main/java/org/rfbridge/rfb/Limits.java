// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb;

/**
 * Bounds on what a server can make the client wait for or allocate; the JavaScript core's {@code limits.js}
 * has the same values, and both are checked against {@code protocol-tests/limits.json}. They follow what
 * TigerVNC's viewer enforces; none caps something real servers send.
 */
public final class Limits {
    /** Largest framebuffer width or height (TigerVNC's): 16384 squared is 1 GiB of pixels. */
    public static final int MAX_FRAMEBUFFER_SIDE = 16384;
    /** Largest cursor width or height (TigerVNC's; real cursors are 32 to 128 pixels). */
    public static final int MAX_CURSOR_SIDE = 256;
    /** Longest desktop name or server reason, in bytes (about TigerVNC's string limit). */
    public static final int MAX_STRING_BYTES = 64 * 1024;
    /** Most TightVNC capabilities in one list (servers send a handful; each is 16 bytes). */
    public static final int MAX_TIGHT_CAPABILITIES = 256;
    /** Entries of a colour map: colour maps are 8-bit only (as in TigerVNC; no server sends 16-bit ones). */
    public static final int COLOUR_MAP_SIZE = 256;
    /** Server clipboard text longer than this is skipped as it streams past, never stored (TigerVNC's). */
    public static final int DEFAULT_MAX_CUT_TEXT_BYTES = 256 * 1024;

    private Limits() {
    }

    /**
     * Throws unless {@code width} x {@code height} is a size the client shows: an empty desktop cannot be shown
     * or asked for updates, a huge one would be a huge allocation.
     */
    public static void checkFramebufferSize(String what, int width, int height) throws RfbProtocolException {
        if (width < 1 || height < 1 || width > MAX_FRAMEBUFFER_SIDE || height > MAX_FRAMEBUFFER_SIDE) {
            throw new RfbProtocolException(ErrorCode.BAD_FRAMEBUFFER_SIZE, what + " " + width + "x" + height
                    + " is outside 1x1.." + MAX_FRAMEBUFFER_SIDE + "x" + MAX_FRAMEBUFFER_SIDE);
        }
    }
}
