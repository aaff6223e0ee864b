// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer;

import java.util.concurrent.Callable;
import org.rfbridge.rfb.client.Target;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.encoding.Encodings;
import picocli.CommandLine.Command;
import org.rfbridge.viewer.session.ResizeMode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The viewer's command line. Parsing only: {@link Launcher} acts on it. */
@Command(name = "rfbridge-viewer", mixinStandardHelpOptions = true, version = "rfbridge viewer 0.1.0",
        description = "Shows a remote desktop over RFB (VNC), directly over TCP or through a WebSocket proxy.")
public final class ViewerCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "TARGET",
            description = "Where to connect: host:display (5900+display), host::port, ws://host:port/path or"
                    + " wss://... Without it the connection form opens.")
    String target;

    @Option(names = "--view-only", description = "Send no keyboard or mouse input.")
    boolean viewOnly;

    @Option(names = "--resize", paramLabel = "MODE", defaultValue = "off",
            description = "How the desktop meets the window: off (1:1 with scrolling), scale (scaled to fit) or"
                    + " remote (the remote desktop resized to the window). Default: ${DEFAULT-VALUE}.")
    String resize;

    @Option(names = "--scale", description = "The same as --resize scale.")
    boolean scaleToFit;

    @Option(names = "--full-screen", description = "Start in full screen.")
    boolean fullScreen;

    @Option(names = "--encoding", paramLabel = "NAME", defaultValue = "auto",
            description = "The encoding to ask for first: auto (Tight), tight, zrle, hextile, zlib, rre, raw."
                    + " Default: ${DEFAULT-VALUE}.")
    String encoding;

    @Option(names = "--quality", paramLabel = "Q", defaultValue = "auto",
            description = "JPEG quality level 0..9, lossless, or auto: from the measured link. Default: ${DEFAULT-VALUE}.")
    String quality;

    @Option(names = "--compression", paramLabel = "N", defaultValue = "auto",
            description = "Compression level 0..9 or auto. Default: ${DEFAULT-VALUE}.")
    String compression;

    @Option(names = "--clipboard", paramLabel = "WAY", defaultValue = "both",
            description = "Which way the clipboard goes: both, send (to the server only), receive (from it only)"
                    + " or off. Default: ${DEFAULT-VALUE}.")
    String clipboard;

    @Option(names = "--max-clipboard", paramLabel = "BYTES", defaultValue = "262144",
            description = "The most clipboard text taken from or sent to the server, in UTF-8 bytes; longer text"
                    + " is dropped with a message. Default: ${DEFAULT-VALUE}.")
    int maxClipboardBytes;

    @Override
    public Integer call() {
        clipboardSends();
        if (maxClipboardBytes < 1) {
            throw new IllegalArgumentException("--max-clipboard must be at least 1, not " + maxClipboardBytes);
        }
        if (target != null) {
            Target.parse(target);
        }
        encodingPreferences();
        resizeMode();
        return 0;
    }

    public String target() {
        return target;
    }

    public boolean viewOnly() {
        return viewOnly;
    }

    /**
     * The resize mode the options ask for ({@code --scale} is {@code --resize scale}).
     *
     * @throws IllegalArgumentException for a word {@code --resize} does not take
     */
    public ResizeMode resizeMode() {
        ResizeMode mode = ResizeMode.parse(resize == null ? "off" : resize);
        return scaleToFit && mode == ResizeMode.OFF ? ResizeMode.SCALE : mode;
    }

    /**
     * What the options ask of encodings.
     *
     * @throws IllegalArgumentException for words they do not take, saying which they do
     */
    public EncodingPreferences encodingPreferences() {
        EncodingPreferences preferences = EncodingPreferences.auto()
                .withQuality(EncodingPreferences.parseQuality(quality == null ? "auto" : quality))
                .withCompression(EncodingPreferences.parseCompression(compression == null ? "auto" : compression));
        return encoding == null || encoding.equalsIgnoreCase("auto") ? preferences
                : preferences.preferring(Encodings.pixelEncoding(encoding));
    }

    public boolean fullScreen() {
        return fullScreen;
    }

    /** Whether the local clipboard goes to the server ({@code --clipboard both} or {@code send}). */
    public boolean clipboardSends() {
        return clipboardWay().equals("both") || clipboardWay().equals("send");
    }

    /** Whether the server's clipboard comes to the local one ({@code --clipboard both} or {@code receive}). */
    public boolean clipboardReceives() {
        return clipboardWay().equals("both") || clipboardWay().equals("receive");
    }

    private String clipboardWay() {
        String way = clipboard == null ? "both" : clipboard.toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of("both", "send", "receive", "off").contains(way)) {
            throw new IllegalArgumentException("--clipboard takes both, send, receive or off, not " + clipboard);
        }
        return way;
    }

    public int maxClipboardBytes() {
        return maxClipboardBytes > 0 ? maxClipboardBytes : org.rfbridge.rfb.Limits.DEFAULT_MAX_CUT_TEXT_BYTES;
    }
}
