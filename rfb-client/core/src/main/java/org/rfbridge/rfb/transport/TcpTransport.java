// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** RFB over a plain TCP connection. Thread use as {@link Transport} says. */
public final class TcpTransport implements Transport {
    private final Socket socket;
    private final InputStream input;
    private final OutputStream output;
    private final String description;

    private TcpTransport(Socket socket, String description) throws IOException {
        this.socket = socket;
        this.input = socket.getInputStream();
        this.output = socket.getOutputStream();
        this.description = description;
    }

    /**
     * Connects to {@code host:port}, waiting at most {@code timeout}.
     *
     * @throws IOException when the connection cannot be made
     */
    public static TcpTransport connect(String host, int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            // Input events are small and latency-bound.
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return new TcpTransport(socket, "tcp://" + host + ":" + port);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Wraps an already connected socket (tests, reverse connections). */
    public static TcpTransport of(Socket socket) throws IOException {
        return new TcpTransport(socket, "tcp://" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return input.read(buffer, offset, length);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        output.write(data, offset, length);
        output.flush();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is best effort: the socket is unusable either way.
        }
    }
}
