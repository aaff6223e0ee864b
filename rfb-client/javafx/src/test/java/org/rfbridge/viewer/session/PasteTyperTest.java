// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rfbridge.rfb.client.RfbClient;

class PasteTyperTest {
    private final LinkedBlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private final PasteTyper typer = new PasteTyper(reports::add);

    @Test
    void typesEachCharacterWithItsUsKeyAndShiftWhereNeeded() throws Exception {
        RfbClient client = mock(RfbClient.class);
        List<String> sent = new CopyOnWriteArrayList<>();
        doAnswer(call -> sent.add(Integer.toHexString(call.getArgument(0)) + (call.<Boolean>getArgument(1) ? "+" : "-")
                + Integer.toHexString(call.getArgument(2)))).when(client).sendKey(anyInt(), anyBoolean(), anyInt());
        assertTrue(typer.type(client, "aB\r\n€"));
        assertEquals("typed 4 characters", reports.poll(5, TimeUnit.SECONDS));
        assertEquals(List.of("61+1e", "61-1e", "ffe1+2a", "42+30", "42-30", "ffe1-2a", "ff0d+1c", "ff0d-1c",
                "10020ac+0", "10020ac-0"), sent, "the euro sign has no US key: its Unicode keysym alone");
        assertFalse(typer.isTyping());
    }

    @Test
    void refusesTextOverTheLimitAndStopsWhenCancelled() throws Exception {
        RfbClient client = mock(RfbClient.class);
        assertFalse(typer.type(client, "x".repeat(PasteTyper.MAX_CHARACTERS + 1)));
        assertEquals("the text has 10001 characters; typing takes at most 10000", reports.poll());
        verify(client, never()).sendKey(anyInt(), anyBoolean(), anyInt());
        assertTrue(typer.type(client, "y".repeat(2000)));
        assertFalse(typer.type(client, "z"), "one text at a time");
        assertEquals("still typing the last text", reports.poll(5, TimeUnit.SECONDS));
        typer.cancel();
        String stopped = reports.poll(5, TimeUnit.SECONDS);
        assertTrue(stopped != null && stopped.startsWith("typing stopped after "), stopped);
    }
}
