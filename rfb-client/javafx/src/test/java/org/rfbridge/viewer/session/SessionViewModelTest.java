// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.InOrder;
import org.rfbridge.rfb.RfbAuthenticationException;
import org.rfbridge.rfb.RfbEndOfStreamException;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.client.Target;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.protocol.PointerButtons;
import org.rfbridge.rfb.protocol.ProtocolVersion;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.viewer.connect.PasswordStore;
import org.rfbridge.viewer.input.KeyCombo;

@Timeout(10)
class SessionViewModelTest {
    private static final Target TARGET = Target.tcp("127.0.0.1", 5901);

    private final List<RfbClient> clients = new ArrayList<>();
    private final List<RfbClientListener> listeners = new ArrayList<>();
    private final List<ClientOptions> options = new ArrayList<>();
    private final FrameSink display = mock(FrameSink.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final ClipboardService clipboard = mock(ClipboardService.class);
    private final PasswordStore passwords = mock(PasswordStore.class);
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<Runnable> background = new ArrayList<>();
    private SessionViewModel model;

    @BeforeEach
    void setUp() {
        SessionViewModel.ClientStarter starter = (name, opener, opts, listener) -> {
            RfbClient client = mock(RfbClient.class);
            when(client.stats()).thenReturn(new org.rfbridge.rfb.protocol.DecodeStats());
            when(client.link()).thenReturn(new org.rfbridge.rfb.protocol.LinkEstimate());
            clients.add(client);
            listeners.add(listener);
            options.add(opts);
            return client;
        };
        when(passwords.find(anyString())).thenReturn(Optional.empty());
        model = new SessionViewModel(starter, display, dialogs, clipboard, passwords, Runnable::run, background::add,
                clock::get);
    }

    private static SessionInfo info(int width, int height) {
        return new SessionInfo(ProtocolVersion.V3_8, ProtocolVersion.V3_8, List.of(1), 1, width, height,
                PixelFormat.RGB888, PixelFormat.RGB888, "desk");
    }

    private RfbClient connected() {
        model.connect(TARGET);
        listeners.get(0).onConnected(info(800, 600));
        return clients.get(0);
    }

    @Test
    void theEncodingPreferencesGoToTheNextSessionAndToTheCurrentOneAtOnce() {
        RfbClient client = connected();
        assertEquals(EncodingPreferences.auto(), options.get(0).connection().encodingPreferences());
        EncodingPreferences zrle = EncodingPreferences.auto().preferring(Encodings.ZRLE).withQuality(3);
        model.encodingPreferencesProperty().set(zrle);
        verify(client).setEncodingPreferences(zrle);
        model.connect(TARGET);
        assertEquals(zrle, options.get(1).connection().encodingPreferences());
    }

    @Test
    void connectingThenConnectedShowsNameAndSize() {
        model.connect(TARGET);
        assertEquals(SessionViewModel.State.CONNECTING, model.stateProperty().get());
        assertTrue(model.statusTextProperty().get().contains("Connecting to 127.0.0.1:5901"));
        listeners.get(0).onConnected(info(800, 600));
        assertEquals(SessionViewModel.State.CONNECTED, model.stateProperty().get());
        assertEquals(800, model.desktopWidthProperty().get());
        assertTrue(model.statusTextProperty().get().startsWith("desk  |  800x600"), model.statusTextProperty().get());
        assertEquals("desk - rfbridge viewer", model.titleProperty().get());
    }

    @Test
    void framesGoToTheDisplayAndAreAcknowledgedOnlyWhenShown() {
        RfbClient client = connected();
        Framebuffer fb = new Framebuffer(800, 600);
        List<Rect> dirty = List.of(new Rect(0, 0, 10, 10));
        listeners.get(0).onFramebufferUpdate(fb, dirty);
        org.mockito.ArgumentCaptor<Runnable> consumed = org.mockito.ArgumentCaptor.forClass(Runnable.class);
        verify(display).frameUpdated(eq(fb), eq(dirty), consumed.capture());
        verify(client, never()).updateConsumed();
        consumed.getValue().run();
        verify(client).updateConsumed();
    }

    @Test
    void statusBarShowsRatesAndEncoding() {
        connected();
        Framebuffer fb = new Framebuffer(800, 600);
        org.mockito.ArgumentCaptor<Runnable> consumed = org.mockito.ArgumentCaptor.forClass(Runnable.class);
        for (int i = 0; i < 30; i++) {
            listeners.get(0).onFramebufferUpdate(fb, List.of(new Rect(0, 0, 1, 1)));
        }
        verify(display, times(30)).frameUpdated(any(), any(), consumed.capture());
        consumed.getAllValues().forEach(Runnable::run);
        clock.addAndGet(2_000_000_000L);
        model.tick();
        assertEquals("15 updates/s", model.updatesPerSecondProperty().get());
        assertEquals("0 B/s, link bandwidth not measured yet", model.bandwidthProperty().get());
    }

    @Test
    void keyboardAndPointerReachTheClient() {
        RfbClient client = connected();
        model.input().keyPressed(KeyCode.A, "a", false);
        model.input().keyReleased(KeyCode.A);
        model.input().pointer(10, 20, PointerButtons.LEFT);
        model.input().pointer(5000, -3, 0);
        InOrder order = inOrder(client);
        order.verify(client).sendKey('a', true, 0);
        order.verify(client).sendKey('a', false, 0);
        order.verify(client).sendPointer(10, 20, PointerButtons.LEFT);
        order.verify(client).sendPointer(799, 0, 0);
    }

    @Test
    void wheelSendsPressAndRelease() {
        RfbClient client = connected();
        model.input().scroll(3, 4, 0, 40, 40, 40);
        InOrder order = inOrder(client);
        order.verify(client).sendPointer(3, 4, PointerButtons.WHEEL_UP);
        order.verify(client).sendPointer(3, 4, 0);
    }

    @Test
    void viewOnlySendsNothing() {
        RfbClient client = connected();
        model.viewOnlyProperty().set(true);
        model.input().keyPressed(KeyCode.A, "a", false);
        model.input().pointer(1, 1, 1);
        model.input().sendCombo(KeyCombo.CTRL_ALT_DEL);
        verify(client, never()).sendKey(anyInt(), anyBoolean(), anyInt());
        verify(client, never()).sendPointer(anyInt(), anyInt(), anyInt());
        assertTrue(model.statusTextProperty().get().contains("view only"));
    }

    @Test
    void focusLossReleasesHeldKeysAndButtons() {
        RfbClient client = connected();
        model.input().keyPressed(KeyCode.CONTROL, "", true);
        model.input().pointer(7, 8, PointerButtons.RIGHT);
        model.focusLost();
        verify(client).sendKey(0xFFE3, false, 0x1d);
        verify(client).sendPointer(7, 8, 0);
    }

    @Test
    void ctrlAltDelFromTheMenu() {
        RfbClient client = connected();
        model.input().sendCombo(KeyCombo.CTRL_ALT_DEL);
        InOrder order = inOrder(client);
        order.verify(client).sendKey(0xFFE3, true, 0x1d);
        order.verify(client).sendKey(0xFFE9, true, 0x38);
        order.verify(client).sendKey(0xFFFF, true, 0xd3);
        order.verify(client).sendKey(0xFFFF, false, 0xd3);
        order.verify(client).sendKey(0xFFE9, false, 0x38);
        order.verify(client).sendKey(0xFFE3, false, 0x1d);
    }

    @Test
    void clipboardBothWaysWithoutEcho() {
        RfbClient client = connected();
        listeners.get(0).onClipboard("from server");
        verify(clipboard).setText("from server");
        when(clipboard.getText()).thenReturn("from server");
        model.focusGained();
        verify(client, never()).sendClipboard(anyString());
        when(clipboard.getText()).thenReturn("local text");
        model.focusGained();
        model.focusGained();
        verify(client, times(1)).sendClipboard("local text");
    }

    @Test
    void serverFailureShowsTheReasonAndCanReconnect() {
        connected();
        when(dialogs.askReconnect(anyString(), anyString())).thenReturn(true);
        listeners.get(0).onDisconnected(new RfbEndOfStreamException("the server closed the connection"));
        verify(dialogs).askReconnect(contains("127.0.0.1:5901"), eq("the server closed the connection"));
        assertEquals(2, clients.size(), "reconnected");
        assertEquals(SessionViewModel.State.CONNECTING, model.stateProperty().get());
    }

    @Test
    void wrongPasswordShowsTheAuthenticationReasonAndLeaves() {
        Runnable leave = mock(Runnable.class);
        model.setOnLeave(leave);
        model.connect(TARGET);
        when(dialogs.askReconnect(anyString(), anyString())).thenReturn(false);
        listeners.get(0).onDisconnected(new RfbAuthenticationException("Authentication failure"));
        verify(dialogs).askReconnect(anyString(), eq("authentication failed: Authentication failure"));
        assertEquals("authentication failed: Authentication failure", model.lastErrorProperty().get());
        verify(leave).run();
        assertEquals(SessionViewModel.State.DISCONNECTED, model.stateProperty().get());
    }

    @Test
    void passwordIsAskedAndRememberedOnlyWithConsentAfterSuccess() throws Exception {
        model.connect(TARGET);
        when(dialogs.askPassword(eq("127.0.0.1:5901"), anyBoolean()))
                .thenReturn(Optional.of(new DialogService.PasswordAnswer("pw".toCharArray(), true)));
        assertArrayEquals("pw".toCharArray(), options.get(0).connection().passwords().password());
        verify(passwords, never()).remember(anyString(), any());
        List<String> saved = new ArrayList<>();
        when(passwords.remember(anyString(), any())).thenAnswer(call -> {
            saved.add(call.getArgument(0) + "=" + new String((char[]) call.getArgument(1)));
            return true;
        });
        listeners.get(0).onConnected(info(10, 10));
        assertEquals(List.of("127.0.0.1:5901=pw"), saved);
    }

    @Test
    void passwordNotRememberedWithoutConsent() throws Exception {
        model.connect(TARGET);
        when(dialogs.askPassword(anyString(), anyBoolean()))
                .thenReturn(Optional.of(new DialogService.PasswordAnswer("pw".toCharArray(), false)));
        options.get(0).connection().passwords().password();
        listeners.get(0).onConnected(info(10, 10));
        verify(passwords, never()).remember(anyString(), any());
    }

    @Test
    void storedPasswordIsUsedWithoutAskingAndForgottenWhenRejected() throws Exception {
        when(passwords.find("127.0.0.1:5901")).thenReturn(Optional.of("old".toCharArray()));
        model.connect(TARGET);
        assertArrayEquals("old".toCharArray(), options.get(0).connection().passwords().password());
        verify(dialogs, never()).askPassword(anyString(), anyBoolean());
        listeners.get(0).onDisconnected(new RfbAuthenticationException("Authentication failure"));
        verify(passwords).forget("127.0.0.1:5901");
    }

    @Test
    void cancelledPasswordGoesBackToTheFormWithoutAnErrorDialog() throws Exception {
        Runnable leave = mock(Runnable.class);
        model.setOnLeave(leave);
        model.connect(TARGET);
        when(dialogs.askPassword(anyString(), anyBoolean())).thenReturn(Optional.empty());
        assertNull(options.get(0).connection().passwords().password());
        listeners.get(0).onDisconnected(new RfbAuthenticationException("no password"));
        verify(dialogs, never()).askReconnect(anyString(), anyString());
        verify(leave).run();
    }

    @Test
    void eventsOfAnOldSessionAreIgnored() {
        connected();
        model.connect(TARGET);
        listeners.get(0).onBell();
        listeners.get(0).onDisconnected(new RfbEndOfStreamException("old"));
        assertEquals(SessionViewModel.State.CONNECTING, model.stateProperty().get());
        verify(dialogs, never()).askReconnect(anyString(), anyString());
        assertEquals(1, background.size(), "the old client is closed off the FX thread");
        background.get(0).run();
        verify(clients.get(0)).close();
    }

    @Test
    void userDisconnectClosesOffTheUiThreadWithoutADialog() {
        RfbClient client = connected();
        model.disconnect();
        verify(client, never()).close();
        background.forEach(Runnable::run);
        verify(client).close();
        listeners.get(0).onDisconnected(null);
        verify(dialogs, never()).askReconnect(anyString(), anyString());
        assertEquals(SessionViewModel.State.DISCONNECTED, model.stateProperty().get());
    }

    @Test
    void remoteResizeUpdatesTheSizeAndTheDisplay() {
        connected();
        Framebuffer bigger = new Framebuffer(1024, 768);
        listeners.get(0).onDesktopResized(bigger);
        verify(display).framebufferReplaced(bigger);
        assertEquals(1024, model.desktopWidthProperty().get());
        assertEquals(768, model.desktopHeightProperty().get());
    }

    @Test
    void serverCursorShapeIsExposed() {
        connected();
        CursorShape shape = new CursorShape(1, 1, 0, 0, new int[] {0xFF000000});
        listeners.get(0).onCursorShape(shape);
        assertEquals(shape, model.cursorProperty().get());
    }
}
