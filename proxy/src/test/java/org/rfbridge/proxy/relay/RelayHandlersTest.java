// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.util.ReferenceCountUtil;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rfbridge.proxy.target.HostAndPort;

/**
 * The relay's two handlers wired to two embedded channels: the browser's ({@code frontend}, carrying
 * WebSocket frames) and the VNC server's ({@code backend}, carrying bytes), with a connector the test
 * completes by hand.
 */
class RelayHandlersTest {

    private static final HostAndPort TARGET = new HostAndPort("127.0.0.1", 5901);

    private final SessionRegistry registry = new SessionRegistry(10);
    private EmbeddedChannel frontend;
    private EmbeddedChannel backend;
    private ChannelPromise connectPromise;

    @AfterEach
    void finish() {
        releaseAll(frontend);
        if (backend != null) {
            releaseAll(backend);
        }
        assertEquals(0, registry.liveCount(), "every session leaves the registry");
    }

    private static void releaseAll(EmbeddedChannel channel) {
        channel.finishAndReleaseAll();
    }

    /** Opens a session; the backend "connects" only when {@link #connectBackend()} is called. */
    private void openSession() {
        BackendConnector connector = (front, target, handler) -> {
            assertEquals(TARGET, target);
            backend = new EmbeddedChannel(handler);
            connectPromise = backend.newPromise();
            return connectPromise;
        };
        frontend = new EmbeddedChannel();
        frontend.attr(FrontendRelayHandler.TARGET).set(TARGET);
        frontend.pipeline().addLast("relay", new FrontendRelayHandler(registry, connector, Duration.ZERO, () -> { }));
        frontend.pipeline().fireUserEventTriggered(new HandshakeComplete("/websockify", new DefaultHttpHeaders(),
                "binary"));
    }

    private void connectBackend() {
        connectPromise.setSuccess();
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
    }

    private static String readBackendBytes(EmbeddedChannel backend) {
        StringBuilder sb = new StringBuilder();
        ByteBuf buf;
        while ((buf = backend.readOutbound()) != null) {
            sb.append(buf.toString(StandardCharsets.US_ASCII));
            buf.release();
        }
        return sb.toString();
    }

    private CloseWebSocketFrame readClose() {
        Object message;
        while ((message = frontend.readOutbound()) != null) {
            if (message instanceof CloseWebSocketFrame close) {
                return close;
            }
            ReferenceCountUtil.release(message);
        }
        return null;
    }

    @Test
    void binaryAndContinuationPayloadsReachTheServerInOrder() {
        openSession();
        connectBackend();
        assertEquals(1, registry.liveCount());
        frontend.writeInbound(new BinaryWebSocketFrame(false, 0, bytes("RFB ")));
        frontend.writeInbound(new ContinuationWebSocketFrame(false, 0, bytes("003.")));
        frontend.writeInbound(new ContinuationWebSocketFrame(true, 0, bytes("008\n")));
        frontend.writeInbound(new BinaryWebSocketFrame(bytes("\u0001")));
        assertEquals("RFB 003.008\n\u0001", readBackendBytes(backend));
    }

    @Test
    void framesBeforeTheServerAcceptsWaitAndKeepTheirOrder() {
        openSession();
        assertFalse(frontend.config().isAutoRead(), "the browser is not read while the server connects");
        frontend.writeInbound(new BinaryWebSocketFrame(bytes("early ")));
        frontend.writeInbound(new BinaryWebSocketFrame(bytes("bytes")));
        assertEquals("", readBackendBytes(backend));
        connectBackend();
        assertEquals("early bytes", readBackendBytes(backend));
        assertTrue(frontend.config().isAutoRead());
    }

    @Test
    void serverBytesBecomeBinaryFrames() {
        openSession();
        connectBackend();
        backend.writeInbound(bytes("RFB 003.008\n"));
        BinaryWebSocketFrame frame = frontend.readOutbound();
        assertEquals("RFB 003.008\n", frame.content().toString(StandardCharsets.US_ASCII));
        frame.release();
    }

    @Test
    void aTextFrameClosesWith1003() {
        openSession();
        connectBackend();
        frontend.writeInbound(new TextWebSocketFrame("hello"));
        CloseWebSocketFrame close = readClose();
        assertEquals(1003, close.statusCode());
        assertEquals("text frames are not supported: send binary frames", close.reasonText());
        close.release();
        assertFalse(backend.isOpen(), "the VNC connection closes with the session");
    }

    @Test
    void theServerClosingSends1000AfterItsLastBytes() {
        openSession();
        connectBackend();
        backend.writeInbound(bytes("last words"));
        backend.close();
        BinaryWebSocketFrame data = frontend.readOutbound();
        assertEquals("last words", data.content().toString(StandardCharsets.US_ASCII));
        data.release();
        CloseWebSocketFrame close = frontend.readOutbound();
        assertEquals(1000, close.statusCode());
        assertEquals("VNC server closed the connection", close.reasonText());
        close.release();
    }

    @Test
    void anUnreachableServerSends1011NamingTheTarget() {
        openSession();
        connectPromise.setFailure(new ConnectException("Connection refused"));
        CloseWebSocketFrame close = readClose();
        assertEquals(1011, close.statusCode());
        assertEquals("cannot connect to VNC server 127.0.0.1:5901: connection refused", close.reasonText());
        close.release();
    }

    @Test
    void theBrowserClosingClosesTheServerConnectionAndIsAnswered() {
        openSession();
        connectBackend();
        frontend.writeInbound(new CloseWebSocketFrame(1000, "bye"));
        CloseWebSocketFrame answer = frontend.readOutbound();
        assertEquals(1000, answer.statusCode());
        answer.release();
        assertFalse(frontend.isOpen());
        assertFalse(backend.isOpen());
    }

    @Test
    void pongsAreSwallowed() {
        openSession();
        connectBackend();
        frontend.writeInbound(new PongWebSocketFrame(bytes("rfbridge")));
        assertNull(frontend.readInbound());
        assertEquals("", readBackendBytes(backend));
    }

    @Test
    void aFullBrowserPausesReadingTheServerUntilItDrains() {
        openSession();
        connectBackend();
        frontend.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        assertTrue(backend.config().isAutoRead());
        frontend.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[64])));
        assertFalse(backend.config().isAutoRead(), "stop reading the VNC server while the browser is behind");
        frontend.flush();
        assertTrue(backend.config().isAutoRead(), "resume once the browser's buffer drained");
        ReferenceCountUtil.release(frontend.readOutbound());
    }

    @Test
    void aFullServerPausesReadingTheBrowserUntilItDrains() {
        openSession();
        connectBackend();
        backend.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        backend.write(Unpooled.wrappedBuffer(new byte[64]));
        assertFalse(frontend.config().isAutoRead());
        backend.flush();
        assertTrue(frontend.config().isAutoRead());
        ReferenceCountUtil.release(backend.readOutbound());
    }

    @Test
    void closingFromAnotherThreadSendsGoingAway() {
        openSession();
        connectBackend();
        assertEquals(1, registry.closeAll(CloseReason.GOING_AWAY, "proxy shutting down"));
        frontend.runPendingTasks();
        CloseWebSocketFrame close = readClose();
        assertEquals(1001, close.statusCode());
        close.release();
    }

    @Test
    void framesAfterTheCloseAreDropped() {
        openSession();
        connectBackend();
        frontend.writeInbound(new TextWebSocketFrame("x"));
        ReferenceCountUtil.release(readClose());
        frontend.writeInbound(new BinaryWebSocketFrame(bytes("late")));
        assertEquals("", readBackendBytes(backend));
        assertInstanceOf(EmbeddedChannel.class, backend);
    }
}
