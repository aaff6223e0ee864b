// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The encodings a client can decode, in the order of preference it announces them with SetEncodings.
 *
 * <p>Immutable once built; {@link #createDecoders} makes the per-connection decoder instances, which hold
 * decoding state and are used by one session thread only.
 */
public final class DecoderRegistry {
    private final Map<Integer, Function<DecoderContext, RectDecoder>> factories;

    private DecoderRegistry(Map<Integer, Function<DecoderContext, RectDecoder>> factories) {
        this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
    }

    /**
     * CopyRect, Raw, ZRLE and the Cursor, DesktopSize and LastRect pseudo-encodings, in that order: on a fast
     * link Raw costs the least CPU on both ends; {@link #preferring} puts ZRLE first where bandwidth counts.
     */
    public static DecoderRegistry standard() {
        return builder()
                .add(Encodings.COPY_RECT, context -> new CopyRectDecoder())
                .add(Encodings.RAW, context -> new RawDecoder())
                .add(Encodings.ZRLE, context -> new ZrleDecoder())
                .add(Encodings.CURSOR, CursorDecoder::new)
                .add(Encodings.DESKTOP_SIZE, DesktopSizeDecoder::new)
                .add(Encodings.LAST_RECT, LastRectDecoder::new)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A registry with the same decoders restricted to {@code encodings}, in that order. */
    public DecoderRegistry only(List<Integer> encodings) {
        Builder builder = builder();
        for (int encoding : encodings) {
            Function<DecoderContext, RectDecoder> factory = factories.get(encoding);
            if (factory == null) {
                throw new IllegalArgumentException("no decoder for " + Encodings.describe(encoding));
            }
            builder.add(encoding, factory);
        }
        return builder.build();
    }

    /** The same decoders with {@code encoding} moved to the front of the preference order. */
    public DecoderRegistry preferring(int encoding) {
        Function<DecoderContext, RectDecoder> preferred = factories.get(encoding);
        if (preferred == null) {
            throw new IllegalArgumentException("no decoder for " + Encodings.describe(encoding));
        }
        Builder builder = builder().add(encoding, preferred);
        factories.forEach((other, factory) -> builder.add(other, factory));
        return builder.build();
    }

    /** The encodings in preference order, as SetEncodings sends them. */
    public List<Integer> encodings() {
        return List.copyOf(factories.keySet());
    }

    public boolean supports(int encoding) {
        return factories.containsKey(encoding);
    }

    /** New decoder instances for one connection, keyed by encoding. */
    public Map<Integer, RectDecoder> createDecoders(DecoderContext context) {
        Map<Integer, RectDecoder> decoders = new HashMap<>();
        factories.forEach((encoding, factory) -> decoders.put(encoding, factory.apply(context)));
        return decoders;
    }

    /** Collects encodings in preference order. */
    public static final class Builder {
        private final Map<Integer, Function<DecoderContext, RectDecoder>> factories = new LinkedHashMap<>();
        private final List<Integer> order = new ArrayList<>();

        /** Registers (or replaces) the decoder factory for {@code encoding}. */
        public Builder add(int encoding, Function<DecoderContext, RectDecoder> factory) {
            if (factories.put(encoding, factory) == null) {
                order.add(encoding);
            }
            return this;
        }

        public DecoderRegistry build() {
            Map<Integer, Function<DecoderContext, RectDecoder>> ordered = new LinkedHashMap<>();
            for (int encoding : order) {
                ordered.put(encoding, factories.get(encoding));
            }
            return new DecoderRegistry(ordered);
        }
    }
}
