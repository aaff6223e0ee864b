// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.List;
import java.util.Objects;
import org.rfbridge.rfb.encoding.DecoderRegistry;
import org.rfbridge.rfb.encoding.EncodingPreferences;
import org.rfbridge.rfb.pixel.PixelFormat;
import org.rfbridge.rfb.security.PasswordProvider;
import org.rfbridge.rfb.security.SecurityTypes;

/**
 * Protocol-level choices of one connection. Immutable; build with {@link #builder()}.
 */
public final class ConnectionOptions {
    /** Default cap on server cut text: longer texts are skipped, never allocated. */
    public static final int DEFAULT_MAX_CUT_TEXT = org.rfbridge.rfb.Limits.DEFAULT_MAX_CUT_TEXT_BYTES;

    private final boolean shared;
    private final PasswordProvider passwords;
    private final PixelFormat pixelFormat;
    private final boolean keepServerPixelFormat;
    private final int maxCutTextBytes;
    private final List<Integer> securityTypes;
    private final DecoderRegistry decoders;
    private final EncodingPreferences encodingPreferences;
    private final boolean autoAcknowledgeUpdates;

    private ConnectionOptions(Builder b) {
        shared = b.shared;
        passwords = b.passwords;
        pixelFormat = b.pixelFormat;
        keepServerPixelFormat = b.keepServerPixelFormat;
        maxCutTextBytes = b.maxCutTextBytes;
        securityTypes = List.copyOf(b.securityTypes);
        decoders = b.decoders;
        encodingPreferences = b.encodingPreferences;
        autoAcknowledgeUpdates = b.autoAcknowledgeUpdates;
    }

    /** Defaults: shared, no password, 32-bit true colour, 256 KiB cut text cap, standard decoders, manual acks. */
    public static ConnectionOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().shared(shared).passwords(passwords).pixelFormat(pixelFormat)
                .keepServerPixelFormat(keepServerPixelFormat).maxCutTextBytes(maxCutTextBytes)
                .securityTypes(securityTypes).decoders(decoders).encodingPreferences(encodingPreferences)
                .autoAcknowledgeUpdates(autoAcknowledgeUpdates);
    }

    /** ClientInit's shared flag: whether other clients may stay connected. */
    public boolean shared() {
        return shared;
    }

    public PasswordProvider passwords() {
        return passwords;
    }

    /** The pixel format requested with SetPixelFormat, unless {@link #keepServerPixelFormat()}. */
    public PixelFormat pixelFormat() {
        return pixelFormat;
    }

    /** Whether to decode in the server's native format instead of requesting {@link #pixelFormat()}. */
    public boolean keepServerPixelFormat() {
        return keepServerPixelFormat;
    }

    public int maxCutTextBytes() {
        return maxCutTextBytes;
    }

    /** The security types the client accepts, in its order of preference (default {@link SecurityTypes#SUPPORTED}). */
    public List<Integer> securityTypes() {
        return securityTypes;
    }

    /** The encodings this client can decode. */
    public DecoderRegistry decoders() {
        return decoders;
    }

    /** What the user asked for about encodings; the rest follows the link ({@link AdaptiveEncoding}). */
    public EncodingPreferences encodingPreferences() {
        return encodingPreferences;
    }

    /** Whether each update counts as consumed as soon as listeners have been told of it. */
    public boolean autoAcknowledgeUpdates() {
        return autoAcknowledgeUpdates;
    }

    /** Mutable builder; not thread-safe. */
    public static final class Builder {
        private boolean shared = true;
        private PasswordProvider passwords = PasswordProvider.NONE;
        private PixelFormat pixelFormat = PixelFormat.RGB888;
        private boolean keepServerPixelFormat;
        private int maxCutTextBytes = DEFAULT_MAX_CUT_TEXT;
        private List<Integer> securityTypes = SecurityTypes.SUPPORTED;
        private DecoderRegistry decoders = DecoderRegistry.standard();
        private EncodingPreferences encodingPreferences = EncodingPreferences.auto();
        private boolean autoAcknowledgeUpdates;

        private Builder() {
        }

        public Builder shared(boolean shared) {
            this.shared = shared;
            return this;
        }

        public Builder passwords(PasswordProvider passwords) {
            this.passwords = Objects.requireNonNull(passwords, "passwords");
            return this;
        }

        /** Shorthand for {@code passwords(PasswordProvider.of(password))}. */
        public Builder password(char[] password) {
            return passwords(PasswordProvider.of(password));
        }

        /**
         * @throws IllegalArgumentException if the format is not valid (see {@link PixelFormat#validate()})
         */
        public Builder pixelFormat(PixelFormat pixelFormat) {
            try {
                pixelFormat.validate();
            } catch (org.rfbridge.rfb.RfbProtocolException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            this.pixelFormat = pixelFormat;
            return this;
        }

        public Builder keepServerPixelFormat(boolean keep) {
            this.keepServerPixelFormat = keep;
            return this;
        }

        public Builder maxCutTextBytes(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("negative cut text cap " + max);
            }
            this.maxCutTextBytes = max;
            return this;
        }

        /**
         * The security types to accept, in order of preference; each must be one {@link SecurityTypes#isSupported}.
         * An RFB 3.3 server that imposes another type is refused.
         */
        public Builder securityTypes(List<Integer> types) {
            if (types.isEmpty()) {
                throw new IllegalArgumentException("no security type accepted");
            }
            for (int type : types) {
                if (!SecurityTypes.isSupported(type)) {
                    throw new IllegalArgumentException("unsupported security type " + SecurityTypes.describe(type));
                }
            }
            this.securityTypes = List.copyOf(types);
            return this;
        }

        public Builder decoders(DecoderRegistry decoders) {
            this.decoders = Objects.requireNonNull(decoders, "decoders");
            return this;
        }

        public Builder encodingPreferences(EncodingPreferences preferences) {
            this.encodingPreferences = Objects.requireNonNull(preferences, "preferences");
            return this;
        }

        public Builder autoAcknowledgeUpdates(boolean auto) {
            this.autoAcknowledgeUpdates = auto;
            return this;
        }

        public ConnectionOptions build() {
            return new ConnectionOptions(this);
        }
    }
}
