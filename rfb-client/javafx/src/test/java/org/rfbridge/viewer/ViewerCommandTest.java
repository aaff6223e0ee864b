// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ViewerCommandTest {
    private static ViewerCommand parse(String... args) {
        ViewerCommand command = new ViewerCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theClipboardGoesBothWaysUnlessTold() {
        ViewerCommand both = parse();
        assertTrue(both.clipboardSends());
        assertTrue(both.clipboardReceives());
        assertEquals(262144, both.maxClipboardBytes());
        ViewerCommand receiveOnly = parse("--clipboard", "receive", "--max-clipboard", "1000");
        assertFalse(receiveOnly.clipboardSends());
        assertTrue(receiveOnly.clipboardReceives());
        assertEquals(1000, receiveOnly.maxClipboardBytes());
        ViewerCommand off = parse("--clipboard", "OFF");
        assertFalse(off.clipboardSends());
        assertFalse(off.clipboardReceives());
    }

    @Test
    void aWrongWayIsRefusedNamingTheChoices() {
        int code = new CommandLine(new ViewerCommand()).setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute("--clipboard", "sideways");
        assertTrue(code != 0);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> parse("--clipboard", "sideways").clipboardSends());
        assertEquals("--clipboard takes both, send, receive or off, not sideways", e.getMessage());
    }
}
