// SPDX-License-Identifier: Apache-2.0
/**
 * rfbridge's pure-Java RFB (VNC, RFC 6143) client library.
 *
 * <p>This root package holds only the typed exceptions every layer throws. The layers, from the bottom up:
 * {@code io} (byte queues), {@code pixel} (pixel formats and the ARGB framebuffer), {@code encoding} (one
 * decoder per encoding), {@code security} (one handler per security type), {@code protocol} (the
 * I/O-free state machine), {@code transport} (TCP and WebSocket byte pipes) and {@code client} (the
 * facade that runs a session on its own thread). {@code cli} is the {@code rfb-client} tool built on the
 * facade.
 */
package org.rfbridge.rfb;
