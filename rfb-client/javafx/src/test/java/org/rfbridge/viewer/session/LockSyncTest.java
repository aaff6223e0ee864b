// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.rfbridge.rfb.client.RfbClient;

class LockSyncTest {
    private final RfbClient client = mock(RfbClient.class);
    private final InputRouter input = new InputRouter(() -> client, () -> 100, () -> 100);

    private void locallyLocked(boolean caps, boolean num) {
        Map<KeyCode, Boolean> state = Map.of(KeyCode.CAPS, caps, KeyCode.NUM_LOCK, num);
        input.setLockState(code -> Optional.ofNullable(state.get(code)));
    }

    @Test
    void aLockTheServerHasOtherwiseIsToggledBeforeTheKey() {
        locallyLocked(false, true);
        input.ledState(4 | 2);
        input.keyPressed(KeyCode.A, "a", false);
        InOrder order = inOrder(client);
        order.verify(client).sendKey(0xFFE5, true, 0x3a);
        order.verify(client).sendKey(0xFFE5, false, 0x3a);
        order.verify(client).sendKey('a', true, 0);
        verify(client, never()).sendKey(0xFF7F, true, 0x45);
    }

    @Test
    void nothingWhileTheServersLightsAreUnknownOrForTheLockKeyItself() {
        locallyLocked(true, false);
        input.keyPressed(KeyCode.A, "a", false);
        input.ledState(0);
        input.keyPressed(KeyCode.CAPS, "", false);
        // Once: the press of Caps Lock itself, no extra toggle before it.
        verify(client, org.mockito.Mockito.times(1)).sendKey(0xFFE5, true, 0x3a);
        verify(client).sendKey('a', true, 0);
    }

    @Test
    void inStepSendsNothingMore() {
        locallyLocked(true, true);
        input.ledState(4 | 2);
        input.keyPressed(KeyCode.B, "b", false);
        verify(client).sendKey(anyInt(), anyBoolean(), anyInt());
    }
}
