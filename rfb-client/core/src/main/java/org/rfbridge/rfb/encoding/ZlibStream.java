// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.encoding;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;

/**
 * One zlib stream that lasts a connection (ZRLE and Zlib have one, Tight four), inflated as the compressed
 * bytes arrive and handed on in chunks of at most {@link #CHUNK} bytes, so that no decoder ever holds a whole
 * inflated rectangle. Servers flush the stream at the end of every rectangle, so a rectangle's compressed bytes
 * inflate to exactly its data; the decoder that owns the stream checks the count.
 *
 * <p>A stream that ends or asks for a preset dictionary is an error: nothing can follow it, yet the
 * connection goes on. Used by one session thread.
 */
final class ZlibStream {
    /** The most inflated bytes handed to the sink in one call. */
    static final int CHUNK = 32 * 1024;

    /** Receives inflated bytes in order; may throw to end the session. */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] data, int offset, int length) throws RfbProtocolException;
    }

    private final String owner;
    private final byte[] chunk = new byte[CHUNK];
    private Inflater inflater = new Inflater();

    /** @param owner the encoding and stream named in errors, for example {@code "Tight stream 2"} */
    ZlibStream(String owner) {
        this.owner = owner;
    }

    /** Inflates {@code length} compressed bytes and hands everything they inflate to {@code sink}. */
    void inflate(byte[] src, int offset, int length, Sink sink) throws RfbProtocolException {
        inflater.setInput(src, offset, length);
        try {
            int stalls = 0;
            while (!inflater.needsInput()) {
                if (inflater.finished() || inflater.needsDictionary()) {
                    throw ended();
                }
                int produced = inflater.inflate(chunk, 0, chunk.length);
                if (produced > 0) {
                    sink.accept(chunk, 0, produced);
                    stalls = 0;
                } else if (++stalls > 2) {
                    throw new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA, owner + " zlib stream makes no progress");
                }
            }
            // The last input may complete output that zlib has not handed out yet.
            int produced;
            while ((produced = inflater.inflate(chunk, 0, chunk.length)) > 0) {
                sink.accept(chunk, 0, produced);
            }
            if (inflater.finished() || inflater.needsDictionary()) {
                throw ended();
            }
        } catch (DataFormatException e) {
            throw new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA, owner + " data is not valid zlib", e);
        } finally {
            // The source array is only lent for this call.
            inflater.setInput(new byte[0]);
        }
    }

    /**
     * Inflates as many of a rectangle's next {@code left} compressed bytes as {@code in} holds, handing what
     * they inflate to {@code sink}.
     *
     * @return how many compressed bytes of the rectangle are still to come
     */
    long inflateFrom(RfbInput in, long left, Sink sink) throws RfbProtocolException {
        int count = (int) Math.min(left, in.available());
        if (count > 0) {
            in.consume(count, (array, offset, length) -> inflate(array, offset, length, sink));
        }
        return left - count;
    }

    /** Starts a new stream, as Tight's reset bits ask. */
    void reset() {
        inflater.end();
        inflater = new Inflater();
    }

    private RfbProtocolException ended() {
        return new RfbProtocolException(ErrorCode.BAD_COMPRESSED_DATA, owner + " zlib stream ended or asked for a dictionary");
    }
}
