// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.client.Failures;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.pixel.CursorShape;
import org.rfbridge.rfb.pixel.Framebuffer;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.pixel.Rect;
import org.rfbridge.rfb.protocol.ConnectionEvents;
import org.rfbridge.rfb.protocol.ConnectionOptions;
import org.rfbridge.rfb.protocol.RfbConnection;
import org.rfbridge.rfb.protocol.SessionInfo;
import org.rfbridge.rfb.security.PasswordProvider;

/**
 * Runs one vector's script against an {@link RfbConnection}, delivering the server's bytes whole, one byte at
 * a time or in seeded random chunks, and checks each expected client byte as it comes due. Every mismatch
 * throws {@link AssertionError} naming the step.
 */
final class VectorRun {
    /** How server bytes are cut into deliveries. */
    enum Delivery { WHOLE, ONE_BYTE, RANDOM }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String id;
    private final Delivery delivery;
    private final Random random;
    private final ArrayNode events = NODES.arrayNode();
    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private RfbConnection connection;
    private RfbException failure;

    VectorRun(String id, Delivery delivery, long seed) {
        this.id = id;
        this.delivery = delivery;
        this.random = new Random(seed ^ id.hashCode());
    }

    /** Runs the vector and returns nothing; fails with an AssertionError on the first difference. */
    void run(ProtocolVectors.Vector vector) {
        connection = new RfbConnection(options(vector.json().path("client")), new Recorder());
        int index = 0;
        for (JsonNode step : vector.script()) {
            index++;
            String where = id + " step " + index + " " + step;
            if (step.has("server")) {
                deliver(ProtocolVectors.bytes(step.get("server")));
            } else if (step.has("client")) {
                expectClientStep(step.get("client"), where);
            } else if (step.has("do")) {
                act(step, where);
            } else if (step.has("close")) {
                if (failure == null) {
                    try {
                        connection.endOfStream();
                    } catch (RfbException e) {
                        failure = e;
                    }
                }
            } else {
                throw new IllegalArgumentException(where + ": unknown step");
            }
        }
        collectOutput();
        expectSent(new byte[0], id + " after the last step (bytes no step expected)");
        check(vector.json().path("expect"));
    }

    static ConnectionOptions options(JsonNode client) {
        ConnectionOptions.Builder b = ConnectionOptions.builder().autoAcknowledgeUpdates(true);
        if (client.has("securityTypes")) {
            List<Integer> types = new ArrayList<>();
            client.get("securityTypes").forEach(t -> types.add(t.asInt()));
            b.securityTypes(types);
        }
        if (client.has("password")) {
            b.passwords(PasswordProvider.of(client.get("password").asText().toCharArray()));
        }
        if (client.has("shared")) {
            b.shared(client.get("shared").asBoolean());
        }
        JsonNode pf = client.path("pixelFormat");
        if (pf.isTextual() && pf.asText().equals("server")) {
            b.keepServerPixelFormat(true);
        } else if (pf.isObject()) {
            b.pixelFormat(new PixelFormat(pf.get("bitsPerPixel").asInt(), pf.get("depth").asInt(),
                    pf.get("bigEndian").asBoolean(), pf.get("trueColour").asBoolean(), pf.get("redMax").asInt(),
                    pf.get("greenMax").asInt(), pf.get("blueMax").asInt(), pf.get("redShift").asInt(),
                    pf.get("greenShift").asInt(), pf.get("blueShift").asInt()));
        }
        List<Integer> encodings = new ArrayList<>();
        client.path("encodings").forEach(e -> encodings.add(e.asInt()));
        if (encodings.isEmpty()) {
            encodings.addAll(List.of(1, 0, -239, -223, -224));
        }
        b.decoders(DecoderRegistry.standard().only(encodings)).encodingPreferences(EncodingPreferences.exactly(encodings));
        if (client.has("maxCutTextBytes")) {
            b.maxCutTextBytes(client.get("maxCutTextBytes").asInt());
        }
        return b.build();
    }

    private void deliver(byte[] bytes) {
        int at = 0;
        while (at < bytes.length && failure == null) {
            int size = switch (delivery) {
                case WHOLE -> bytes.length;
                case ONE_BYTE -> 1;
                case RANDOM -> 1 + random.nextInt(random.nextBoolean() ? 8 : Math.max(64, bytes.length / 4));
            };
            size = Math.min(size, bytes.length - at);
            byte[] piece = new byte[size];
            System.arraycopy(bytes, at, piece, 0, size);
            at += size;
            connection.receive(piece);
            try {
                while (connection.step()) {
                    collectOutput();
                }
            } catch (RfbException e) {
                failure = e;
            }
            collectOutput();
        }
    }

    private void act(JsonNode step, String where) {
        if (failure != null) {
            throw new AssertionError(where + ": the session had already failed: " + failure.getMessage());
        }
        switch (step.get("do").asText()) {
            case "key" -> connection.sendKeyEvent((int) step.get("keysym").asLong(), step.get("down").asBoolean(),
                    step.path("scancode").asInt(0));
            case "xvp" -> connection.sendXvp(step.get("code").asInt());
            case "pointer" -> connection.sendPointerEvent(step.get("x").asInt(), step.get("y").asInt(),
                    step.get("buttons").asInt());
            case "clipboard" -> connection.sendClientCutText(step.get("text").asText());
            case "refresh" -> connection.requestFullUpdate();
            case "resize" -> connection.requestDesktopSize(step.get("width").asInt(), step.get("height").asInt());
            default -> throw new IllegalArgumentException(where + ": unknown action");
        }
        collectOutput();
    }

    private void collectOutput() {
        if (connection.hasOutput()) {
            sent.writeBytes(connection.takeOutput());
        }
    }

    /** A client step: exact bytes, except that a {@code provide} part matches a provide by what it inflates to. */
    private void expectClientStep(JsonNode spec, String where) {
        if (!spec.isArray() || java.util.stream.StreamSupport.stream(spec.spliterator(), false)
                .noneMatch(part -> part.has("provide"))) {
            expectSent(ProtocolVectors.bytes(spec), where);
            return;
        }
        collectOutput();
        byte[] actual = sent.toByteArray();
        sent.reset();
        int at = 0;
        for (JsonNode part : spec) {
            if (part.has("provide")) {
                at = matchProvide(actual, at, part.get("provide"), where);
            } else {
                byte[] expected = ProtocolVectors.bytes(part);
                if (actual.length - at < expected.length
                        || !java.util.Arrays.equals(expected, 0, expected.length, actual, at, at + expected.length)) {
                    throw new AssertionError(where + ": the client sent " + hex(actual) + ", not " + hex(expected)
                            + " at byte " + at);
                }
                at += expected.length;
            }
        }
        if (at != actual.length) {
            throw new AssertionError(where + ": the client sent " + hex(actual) + ", " + (actual.length - at)
                    + " bytes more than the vector expects");
        }
    }

    private static int matchProvide(byte[] actual, int at, JsonNode provide, String where) {
        java.nio.ByteBuffer message = java.nio.ByteBuffer.wrap(actual, at, actual.length - at);
        String what = where + ": the client sent " + hex(actual) + ", not a provide at byte " + at;
        if (message.remaining() < 12 || message.get() != 6) {
            throw new AssertionError(what);
        }
        message.position(message.position() + 3);
        int length = -message.getInt() - 4;
        int flags = message.getInt();
        if (length < 0 || length > message.remaining()
                || flags != Integer.parseUnsignedInt(provide.get("flags").asText(), 16)) {
            throw new AssertionError(what + " with flags " + provide.get("flags").asText());
        }
        java.util.zip.Inflater inflater = new java.util.zip.Inflater();
        inflater.setInput(actual, message.position(), length);
        ByteArrayOutputStream inflated = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new AssertionError(what + ": its zlib stream does not end");
                }
                inflated.write(chunk, 0, n);
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new AssertionError(what + ": not zlib", e);
        } finally {
            inflater.end();
        }
        String got = HexFormat.of().formatHex(inflated.toByteArray());
        if (!got.equals(provide.get("inflated").asText())) {
            throw new AssertionError(what + " inflating to " + provide.get("inflated").asText() + " (it inflates to "
                    + got + ")");
        }
        return message.position() + length;
    }

    private void expectSent(byte[] expected, String where) {
        collectOutput();
        byte[] actual = sent.toByteArray();
        sent.reset();
        if (!java.util.Arrays.equals(expected, actual)) {
            throw new AssertionError(where + ": the client sent " + hex(actual) + " but the vector expects "
                    + hex(expected) + (failure == null ? "" : " (the session failed: " + failure.getMessage() + ")"));
        }
    }

    private void check(JsonNode expect) {
        JsonNode expectedEvents = expect.has("events") ? expect.get("events") : NODES.arrayNode();
        if (!expectedEvents.equals(events)) {
            throw new AssertionError(id + ": events " + events + " but the vector expects " + expectedEvents
                    + (failure == null ? "" : " (failed: " + failure.getMessage() + ")"));
        }
        JsonNode error = expect.path("error");
        if (error.isMissingNode()) {
            if (failure != null) {
                throw new AssertionError(id + ": unexpected failure " + failure.code() + ": "
                        + Failures.describe(failure), failure);
            }
        } else {
            if (failure == null) {
                throw new AssertionError(id + ": expected " + error + " but the session did not fail");
            }
            ObjectNode actual = NODES.objectNode().put("code", failure.code().id())
                    .put("message", Failures.describe(failure));
            if (!actual.equals(error)) {
                throw new AssertionError(id + ": failed with " + actual + " but the vector expects " + error, failure);
            }
        }
        JsonNode fb = expect.path("framebuffer");
        if (!fb.isMissingNode()) {
            checkFramebuffer(fb, connection.framebuffer());
        }
    }

    private void checkFramebuffer(JsonNode expected, Framebuffer fb) {
        if (fb == null) {
            throw new AssertionError(id + ": no framebuffer");
        }
        String size = fb.width() + "x" + fb.height();
        String expectedSize = expected.get("width").asInt() + "x" + expected.get("height").asInt();
        if (!size.equals(expectedSize)) {
            throw new AssertionError(id + ": framebuffer " + size + " but the vector expects " + expectedSize);
        }
        if (expected.has("rows")) {
            for (int y = 0; y < fb.height(); y++) {
                StringBuilder row = new StringBuilder();
                for (int x = 0; x < fb.width(); x++) {
                    row.append(x == 0 ? "" : " ").append(String.format("%06x", fb.getPixel(x, y) & 0xFFFFFF));
                }
                String want = expected.get("rows").get(y).asText();
                int tolerance = expected.path("tolerance").asInt(0);
                if (tolerance > 0 ? !withinTolerance(row.toString(), want, tolerance) : !row.toString().equals(want)) {
                    throw new AssertionError(id + ": framebuffer row " + y + " is " + row + " but the vector expects "
                            + want);
                }
            }
        }
        if (expected.has("sha256")) {
            String actual = sha256(fb);
            if (!actual.equals(expected.get("sha256").asText())) {
                throw new AssertionError(id + ": framebuffer SHA-256 " + actual + " but the vector expects "
                        + expected.get("sha256").asText());
            }
        }
    }

    /** Whether each channel of each pixel in two rows of {@code RRGGBB} differs by at most {@code tolerance}. */
    private static boolean withinTolerance(String row, String want, int tolerance) {
        String[] got = row.split(" ");
        String[] expected = want.split(" ");
        if (got.length != expected.length) {
            return false;
        }
        for (int i = 0; i < got.length; i++) {
            int a = Integer.parseInt(got[i], 16);
            int b = Integer.parseInt(expected[i], 16);
            for (int shift = 0; shift < 24; shift += 8) {
                if (Math.abs((a >>> shift & 0xFF) - (b >>> shift & 0xFF)) > tolerance) {
                    return false;
                }
            }
        }
        return true;
    }

    /** SHA-256 of the framebuffer's RGB bytes, row by row: the same in both languages' runners. */
    static String sha256(Framebuffer fb) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int[] pixels = fb.pixels();
            byte[] rgb = new byte[pixels.length * 3];
            for (int i = 0; i < pixels.length; i++) {
                rgb[3 * i] = (byte) (pixels[i] >>> 16);
                rgb[3 * i + 1] = (byte) (pixels[i] >>> 8);
                rgb[3 * i + 2] = (byte) pixels[i];
            }
            return HexFormat.of().formatHex(digest.digest(rgb));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        String all = HexFormat.of().formatHex(bytes);
        return bytes.length == 0 ? "nothing" : all.length() > 400 ? all.substring(0, 400) + "..." : all;
    }

    private final class Recorder implements ConnectionEvents {
        @Override
        public void onConnected(SessionInfo info) {
            events.add(NODES.objectNode().put("type", "connected").put("width", info.width())
                    .put("height", info.height()).put("name", info.name()));
        }

        @Override
        public void onFramebufferUpdate(Framebuffer fb, List<Rect> dirty) {
            events.add(NODES.objectNode().put("type", "update"));
        }

        @Override
        public void onDesktopResized(Framebuffer fb) {
            events.add(NODES.objectNode().put("type", "resize").put("width", fb.width()).put("height", fb.height()));
        }

        @Override
        public void onDesktopResizeRefused(String reason) {
            events.add(NODES.objectNode().put("type", "resize-refused").put("message", reason));
        }

        @Override
        public void onCursorShape(CursorShape shape) {
            ObjectNode cursor = NODES.objectNode().put("type", "cursor").put("width", shape.width())
                    .put("height", shape.height()).put("hotX", shape.hotspotX()).put("hotY", shape.hotspotY());
            ArrayNode rows = cursor.putArray("pixels");
            int[] argb = shape.argb();
            for (int y = 0; y < shape.height(); y++) {
                StringBuilder row = new StringBuilder();
                for (int x = 0; x < shape.width(); x++) {
                    row.append(x == 0 ? "" : " ").append(String.format("%08x", argb[y * shape.width() + x]));
                }
                rows.add(row.toString());
            }
            events.add(cursor);
        }

        @Override
        public void onBell() {
            events.add(NODES.objectNode().put("type", "bell"));
        }

        @Override
        public void onClipboard(String text) {
            events.add(NODES.objectNode().put("type", "clipboard").put("text", text));
        }

        @Override
        public void onClipboardDropped(String message) {
            events.add(NODES.objectNode().put("type", "clipboard-dropped").put("message", message));
        }

        @Override
        public void onLedState(int state) {
            events.add(NODES.objectNode().put("type", "led-state").put("state", state));
        }

        @Override
        public void onDesktopName(String name) {
            events.add(NODES.objectNode().put("type", "desktop-name").put("name", name));
        }

        @Override
        public void onXvpAvailable(int version) {
            events.add(NODES.objectNode().put("type", "xvp").put("version", version));
        }

        @Override
        public void onXvpFailed() {
            events.add(NODES.objectNode().put("type", "xvp-failed"));
        }
    }
}
