// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

/**
 * The flags word that starts every extended clipboard message (the ExtendedClipboard pseudo-encoding,
 * {@code 0xC0A1E5CE}): formats in bits 0-15, actions in bits 24-28. The server handles text only.
 */
final class ExtendedClipboardFlags {

    static final int TEXT = 0x0000_0001;
    static final int RTF = 0x0000_0002;
    static final int HTML = 0x0000_0004;
    static final int DIB = 0x0000_0008;
    static final int FILES = 0x0000_0010;
    static final int FORMAT_MASK = 0x0000_FFFF;

    static final int CAPS = 0x0100_0000;
    static final int REQUEST = 0x0200_0000;
    static final int PEEK = 0x0400_0000;
    static final int NOTIFY = 0x0800_0000;
    static final int PROVIDE = 0x1000_0000;
    static final int ACTION_MASK = 0x1F00_0000;

    /** The actions the server answers and sends, which its caps announce. */
    static final int SERVER_ACTIONS = CAPS | REQUEST | PEEK | NOTIFY | PROVIDE;

    /** Headroom over the text limit for the flags, the text's length and zlib's framing. */
    static final int MESSAGE_OVERHEAD = 1024;

    private ExtendedClipboardFlags() {
    }
}
