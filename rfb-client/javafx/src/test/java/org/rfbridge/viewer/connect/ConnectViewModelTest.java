// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.rfbridge.rfb.client.Target;

@Timeout(10)
@ExtendWith(MockitoExtension.class)
class ConnectViewModelTest {
    @Mock
    RecentConnections recent;

    @Test
    void startsWithTheMostRecentTarget() {
        when(recent.load()).thenReturn(List.of("b:2", "a:1"));
        ConnectViewModel model = new ConnectViewModel(recent);
        assertEquals("b:2", model.targetProperty().get());
        assertEquals(List.of("b:2", "a:1"), model.recentTargets());
    }

    @Test
    void validTargetIsRememberedAndReturned() {
        when(recent.load()).thenReturn(List.of());
        when(recent.remember("host:3")).thenReturn(List.of("host:3"));
        ConnectViewModel model = new ConnectViewModel(recent);
        model.targetProperty().set("  host:3 ");
        Optional<Target> target = model.connect();
        assertEquals(Target.tcp("host", 5903), target.orElseThrow());
        assertEquals(List.of("host:3"), model.recentTargets());
        assertEquals("", model.errorProperty().get());
    }

    @Test
    void webSocketTargetsAreAccepted() {
        when(recent.load()).thenReturn(List.of());
        when(recent.remember("wss://proxy.example:443/websockify?token=x"))
                .thenReturn(List.of("wss://proxy.example:443/websockify?token=x"));
        ConnectViewModel model = new ConnectViewModel(recent);
        model.targetProperty().set("wss://proxy.example:443/websockify?token=x");
        assertTrue(model.connect().orElseThrow().isWebSocket());
    }

    @Test
    void invalidTargetSaysWhyAndIsNotRemembered() {
        when(recent.load()).thenReturn(List.of());
        ConnectViewModel model = new ConnectViewModel(recent);
        model.targetProperty().set("http://nope");
        assertTrue(model.connect().isEmpty());
        assertTrue(model.errorProperty().get().contains("unsupported scheme"), model.errorProperty().get());
        verify(recent, never()).remember("http://nope");
        model.targetProperty().set("host:1");
        assertEquals("", model.errorProperty().get(), "editing clears the error");
    }

    @Test
    void connectIsDisabledForABlankTarget() {
        when(recent.load()).thenReturn(List.of());
        ConnectViewModel model = new ConnectViewModel(recent);
        assertTrue(model.connectDisabledProperty().get());
        model.targetProperty().set("h");
        assertFalse(model.connectDisabledProperty().get());
    }
}
