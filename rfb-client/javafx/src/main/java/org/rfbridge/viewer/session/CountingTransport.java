// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import java.io.IOException;
import org.rfbridge.rfb.transport.Transport;

/** A transport that counts the bytes it reads, for the status bar's bandwidth; otherwise the one it wraps. */
final class CountingTransport implements Transport {
    private final Transport inner;
    private final SessionStats stats;

    CountingTransport(Transport inner, SessionStats stats) {
        this.inner = inner;
        this.stats = stats;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int count = inner.read(buffer, offset, length);
        if (count > 0) {
            stats.bytesReceived(count);
        }
        return count;
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
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
}
