// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.rfbridge.rfb.client.ClientOptions;
import org.rfbridge.rfb.client.RfbClient;
import org.rfbridge.rfb.client.RfbClientListener;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.transport.TcpTransport;
import org.rfbridge.rfb.transport.Transport;
import org.rfbridge.testharness.ArgbImage;
import org.rfbridge.testharness.ManagedProcess;
import org.rfbridge.testharness.QemuVncServer;
import org.rfbridge.testharness.TightVncServer;
import org.rfbridge.testharness.VncServer;
import org.rfbridge.testharness.X11VncServer;
import org.rfbridge.testharness.XDisplay;
import org.rfbridge.testharness.XvfbDisplay;
import org.rfbridge.testharness.XvncServer;

/**
 * Records the vectors of {@code protocol-tests/vectors/recorded/}: what each real server sends in each of its
 * lossless encodings, for a small desktop showing part of {@link EncodingsIT#testImage()} (QEMU: its text screen),
 * with the client's exact bytes between and the server's own grab as the expected framebuffer. Run once, by
 * hand, when a server or the client's first messages change:
 *
 * <pre>mvn -B verify -pl rfb-client/core -Dit.test=RecordServerVectors -Drfbridge.recordVectors=true -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>The client is the one the vector runners play (default options, the vector's encodings exactly), so both
 * cores must send the same bytes and decode the server's bytes to the grab.
 */
@EnabledIfSystemProperty(named = "rfbridge.recordVectors", matches = "true")
class RecordServerVectors {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    /** With the Cursor pseudo-encoding, servers that would paint the pointer into the screen send it apart. */
    private static final List<Integer> PSEUDO = List.of(Encodings.CURSOR, Encodings.DESKTOP_SIZE, Encodings.LAST_RECT);

    @TempDir
    Path dir;

    @Test
    void recordEveryServersLosslessEncodings() throws Exception {
        ArgbImage image = EncodingsIT.testImage().crop(200, 150, WIDTH, HEIGHT);
        try (XvncServer xvnc = XvncServer.builder().geometry(WIDTH, HEIGHT).start(dir);
                ManagedProcess shown = xvnc.x().show(image, dir)) {
            for (String encoding : List.of("Hextile", "RRE", "ZRLE", "Tight")) {
                record("xvnc-" + encoding.toLowerCase(), "TigerVNC Xvnc", xvnc, xvnc.x()::grab, encoding);
            }
        }
        try (TightVncServer tight = TightVncServer.builder().geometry(WIDTH, HEIGHT).start(dir);
                ManagedProcess shown = tight.x().show(image, dir)) {
            for (String encoding : List.of("Hextile", "Zlib", "Tight")) {
                record("xtightvnc-" + encoding.toLowerCase(), "TightVNC Xtightvnc", tight, tight.x()::grab, encoding);
            }
        }
        try (XvfbDisplay xvfb = XvfbDisplay.start(dir, WIDTH, HEIGHT);
                X11VncServer x11vnc = X11VncServer.builder().on(xvfb).start(dir);
                ManagedProcess shown = xvfb.x().show(image, dir)) {
            for (String encoding : List.of("ZRLE", "Tight")) {
                record("x11vnc-" + encoding.toLowerCase(), "x11vnc", x11vnc, xvfb.x()::grab, encoding);
            }
        }
        try (QemuVncServer qemu = QemuVncServer.builder().start(dir)) {
            qemu.awaitStableScreen(Duration.ofSeconds(30));
            for (String encoding : List.of("Tight", "TightPNG", "ZRLE")) {
                record("qemu-" + encoding.toLowerCase(), "QEMU", qemu, qemu::screendump, encoding);
            }
        }
    }

    private void record(String name, String server, VncServer target, Callable<ArgbImage> grab, String encodingName)
            throws Exception {
        int encoding = Encodings.pixelEncoding(encodingName);
        List<Integer> encodings = new ArrayList<>(List.of(encoding));
        encodings.addAll(PSEUDO);
        Recorder recorder = new Recorder();
        ClientOptions options = ClientOptions.builder().autoAcknowledgeUpdates(true)
                .connectTimeout(RealServers.WAIT).handshakeTimeout(RealServers.WAIT)
                .decoders(DecoderRegistry.standard().only(encodings))
                .encodingPreferences(EncodingPreferences.exactly(encodings)).build();
        ArgbImage expected = grab.call();
        ArgbImage decoded;
        String desktopName;
        List<CursorShape> cursors = new java.util.concurrent.CopyOnWriteArrayList<>();
        RfbClientListener listener = new RfbClientListener() {
            @Override
            public void onCursorShape(CursorShape shape) {
                cursors.add(shape);
            }
        };
        try (RfbClient client = RfbClient.start(name, () -> recorder.wrap(TcpTransport.connect(VncServer.HOST,
                target.rfbPort(), RealServers.WAIT)), options, listener)) {
            desktopName = client.awaitConnected(RealServers.WAIT).name();
            decoded = RealServers.image(client.awaitFirstUpdate(RealServers.WAIT));
            // The incremental request that follows the update is part of the exchange.
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (!recorder.endsWithClientBytes() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }
        if (target instanceof QemuVncServer) {
            // QEMU's blinking cursor may differ; the vector expects what the client decoded, checked against the dump.
            assertEquals(true, expected.countDifferentPixels(decoded) <= QemuVncServer.CURSOR_TOLERANCE_PIXELS);
            expected = decoded;
        } else {
            assertEquals(null, expected.describeDifference(decoded, 0), name);
        }
        write(name, server, encodingName, encodings, recorder.steps(), expected, desktopName, cursors);
    }

    private static void write(String name, String server, String encodingName, List<Integer> encodings,
            List<Step> steps, ArgbImage expected, String desktopName, List<CursorShape> cursors) throws Exception {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode vector = json.createObjectNode();
        vector.put("about", server + " sending its " + expected.width() + "x" + expected.height()
                + " desktop in " + encodingName + " alone, recorded by RecordServerVectors; the framebuffer is the "
                + "server's own grab.");
        ArrayNode announced = vector.putObject("client").putArray("encodings");
        encodings.forEach(announced::add);
        ArrayNode script = vector.putArray("script");
        for (Step step : steps) {
            script.addObject().put(step.fromServer ? "server" : "client", HexFormat.of().formatHex(step.bytes));
        }
        ObjectNode expect = vector.putObject("expect");
        ArrayNode events = expect.putArray("events");
        events.addObject().put("type", "connected").put("width", expected.width()).put("height", expected.height())
                .put("name", desktopName);
        // Servers send the cursor inside the first update, before its end.
        for (CursorShape cursor : cursors) {
            ObjectNode event = events.addObject().put("type", "cursor").put("width", cursor.width())
                    .put("height", cursor.height()).put("hotX", cursor.hotspotX()).put("hotY", cursor.hotspotY());
            ArrayNode rows = event.putArray("pixels");
            for (int y = 0; y < cursor.height(); y++) {
                StringBuilder row = new StringBuilder();
                for (int x = 0; x < cursor.width(); x++) {
                    row.append(x == 0 ? "" : " ").append(String.format("%08x", cursor.argb()[y * cursor.width() + x]));
                }
                rows.add(row.toString());
            }
        }
        events.addObject().put("type", "update");
        ObjectNode fb = expect.putObject("framebuffer");
        fb.put("width", expected.width());
        fb.put("height", expected.height());
        fb.put("sha256", rgbSha256(expected));
        Path file = Path.of("..", "..", "protocol-tests", "vectors", "recorded", name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.writeValueAsString(vector) + "\n", StandardCharsets.UTF_8);
    }

    private static String rgbSha256(ArgbImage image) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int p = image.pixel(x, y);
                sha.update(new byte[] {(byte) (p >>> 16), (byte) (p >>> 8), (byte) p});
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private record Step(boolean fromServer, byte[] bytes) {
    }

    /** Both directions of one session in the order they happened, consecutive bytes of one side merged. */
    private static final class Recorder {
        private final List<Step> steps = new ArrayList<>();
        private ByteArrayOutputStream current;
        private boolean currentFromServer;

        private synchronized void add(boolean fromServer, byte[] data, int offset, int length) {
            if (current == null || currentFromServer != fromServer) {
                if (current != null) {
                    steps.add(new Step(currentFromServer, current.toByteArray()));
                }
                current = new ByteArrayOutputStream();
                currentFromServer = fromServer;
            }
            current.write(data, offset, length);
        }

        synchronized boolean endsWithClientBytes() {
            return current != null && !currentFromServer && steps.size() > 4;
        }

        synchronized List<Step> steps() {
            List<Step> all = new ArrayList<>(steps);
            if (current != null) {
                all.add(new Step(currentFromServer, current.toByteArray()));
            }
            return all;
        }

        Transport wrap(Transport inner) {
            return new Transport() {
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = inner.read(buffer, offset, length);
                    if (n > 0) {
                        add(true, buffer, offset, n);
                    }
                    return n;
                }

                @Override
                public void write(byte[] data, int offset, int length) throws IOException {
                    add(false, data, offset, length);
                    inner.write(data, offset, length);
                }

                @Override
                public String describe() {
                    return inner.describe();
                }

                @Override
                public void close() {
                    inner.close();
                }
            };
        }
    }
}
