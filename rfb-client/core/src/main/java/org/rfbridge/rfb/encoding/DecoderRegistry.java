// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The encodings a client announces with SetEncodings, in order of preference: pixel encodings, each with the
 * factory of its decoder, and the pseudo-encodings the message reader handles itself
 * ({@link #READER_PSEUDO_ENCODINGS}).
 *
 * <p>Immutable once built; {@link #createDecoders} makes the per-connection decoder instances, which hold
 * decoding state and are used by one session thread only.
 */
public final class DecoderRegistry {
    /** Pseudo-encodings whose rectangles the message reader understands; they need no decoder. */
    public static final Set<Integer> READER_PSEUDO_ENCODINGS =
            Set.of(Encodings.CURSOR_WITH_ALPHA, Encodings.CURSOR, Encodings.X_CURSOR, Encodings.DESKTOP_SIZE,
                    Encodings.LAST_RECT, Encodings.EXTENDED_DESKTOP_SIZE, Encodings.FENCE,
                    Encodings.CONTINUOUS_UPDATES, Encodings.EXTENDED_CLIPBOARD, Encodings.QEMU_EXTENDED_KEY_EVENT,
                    Encodings.QEMU_LED_STATE, Encodings.DESKTOP_NAME, Encodings.XVP);

    // Insertion order is the preference order; pseudo-encodings map to an empty Optional.
    private final Map<Integer, Optional<Supplier<RectDecoder>>> entries;

    private DecoderRegistry(Map<Integer, Optional<Supplier<RectDecoder>>> entries) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * Every encoding this core decodes (CopyRect, Raw, ZRLE, Tight, Hextile, Zlib, RRE, TightPNG) and the
     * CursorWithAlpha, Cursor, XCursor, DesktopSize, LastRect, ExtendedDesktopSize, Fence, ContinuousUpdates,
     * ExtendedClipboard, QEMUExtendedKeyEvent, QEMULEDState, DesktopName and XVP pseudo-encodings, in that order
     * (the best cursor first): on a fast link Raw costs the least CPU on both ends; {@link #preferring} puts
     * another first where bandwidth counts.
     */
    public static DecoderRegistry standard() {
        return builder()
                .add(Encodings.COPY_RECT, CopyRectDecoder::new)
                .add(Encodings.RAW, RawDecoder::new)
                .add(Encodings.ZRLE, ZrleDecoder::new)
                .add(Encodings.TIGHT, TightDecoder::tight)
                .add(Encodings.HEXTILE, HextileDecoder::new)
                .add(Encodings.ZLIB, ZlibDecoder::new)
                .add(Encodings.RRE, RreDecoder::new)
                .add(Encodings.TIGHT_PNG, TightDecoder::tightPng)
                .pseudo(Encodings.CURSOR_WITH_ALPHA)
                .pseudo(Encodings.CURSOR)
                .pseudo(Encodings.X_CURSOR)
                .pseudo(Encodings.DESKTOP_SIZE)
                .pseudo(Encodings.LAST_RECT)
                .pseudo(Encodings.EXTENDED_DESKTOP_SIZE)
                .pseudo(Encodings.FENCE)
                .pseudo(Encodings.CONTINUOUS_UPDATES)
                .pseudo(Encodings.EXTENDED_CLIPBOARD)
                .pseudo(Encodings.QEMU_EXTENDED_KEY_EVENT)
                .pseudo(Encodings.QEMU_LED_STATE)
                .pseudo(Encodings.DESKTOP_NAME)
                .pseudo(Encodings.XVP)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A registry with the same entries restricted to {@code encodings}, in that order. */
    public DecoderRegistry only(List<Integer> encodings) {
        Builder builder = builder();
        for (int encoding : encodings) {
            builder.entries.put(encoding, entry(encoding));
        }
        return builder.build();
    }

    /** The same entries without {@code encoding}. */
    public DecoderRegistry without(int encoding) {
        Builder builder = builder();
        entries.forEach((other, entry) -> {
            if (other != encoding) {
                builder.entries.put(other, entry);
            }
        });
        return builder.build();
    }

    /** The same entries with {@code encoding} moved to the front of the preference order. */
    public DecoderRegistry preferring(int encoding) {
        Builder builder = builder();
        builder.entries.put(encoding, entry(encoding));
        entries.forEach((other, entry) -> builder.entries.putIfAbsent(other, entry));
        return builder.build();
    }

    private Optional<Supplier<RectDecoder>> entry(int encoding) {
        Optional<Supplier<RectDecoder>> entry = entries.get(encoding);
        if (entry == null) {
            throw new IllegalArgumentException("no decoder for " + Encodings.describe(encoding));
        }
        return entry;
    }

    /** The encodings in preference order, as SetEncodings sends them. */
    public List<Integer> encodings() {
        return List.copyOf(entries.keySet());
    }

    /** Whether {@code encoding} is announced (a pixel encoding with a decoder, or a reader pseudo-encoding). */
    public boolean supports(int encoding) {
        return entries.containsKey(encoding);
    }

    /** New decoder instances for one connection, keyed by encoding; pseudo-encodings have none. */
    public Map<Integer, RectDecoder> createDecoders() {
        Map<Integer, RectDecoder> decoders = new HashMap<>();
        entries.forEach((encoding, factory) -> factory.ifPresent(f -> decoders.put(encoding, f.get())));
        return decoders;
    }

    /** Collects encodings in preference order. */
    public static final class Builder {
        private final Map<Integer, Optional<Supplier<RectDecoder>>> entries = new LinkedHashMap<>();

        /** Registers (or replaces, keeping its place) the decoder factory for pixel encoding {@code encoding}. */
        public Builder add(int encoding, Supplier<RectDecoder> factory) {
            if (READER_PSEUDO_ENCODINGS.contains(encoding)) {
                throw new IllegalArgumentException(Encodings.describe(encoding) + " is read by the message reader");
            }
            entries.put(encoding, Optional.of(factory));
            return this;
        }

        /** Announces one of the {@link #READER_PSEUDO_ENCODINGS}. */
        public Builder pseudo(int encoding) {
            if (!READER_PSEUDO_ENCODINGS.contains(encoding)) {
                throw new IllegalArgumentException(Encodings.describe(encoding) + " is not handled by the reader");
            }
            entries.put(encoding, Optional.empty());
            return this;
        }

        public DecoderRegistry build() {
            return new DecoderRegistry(entries);
        }
    }
}
