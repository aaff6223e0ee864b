// SPDX-License-Identifier: Apache-2.0
/**
 * The RFB (VNC) server side of the demo (RFC 6143): version and security handshake, client message
 * parsing and validation, per-client update tracking, and FramebufferUpdate encoding in Raw and CopyRect,
 * plus the DesktopSize pseudo-encoding when the desktop is resized. It also serves the server side of the
 * community extensions our viewers use, each only to a client that announced it: ExtendedDesktopSize and
 * SetDesktopSize ({@link org.rfbridge.demo.server.ScreenLayouts}), continuous updates and fences paced by
 * {@link org.rfbridge.demo.server.FlowControl}, the extended clipboard
 * ({@link org.rfbridge.demo.server.SessionClipboard}), QEMU's extended key events and LED state, and
 * DesktopName. The client's rules for them are {@code protocol-tests/EXTENSIONS.md}. Wire constants, pixel
 * formats, versions and DES come from the RFB core library ({@code org.rfbridge.rfb}); only the server's
 * side lives here.
 *
 * <p>Threads: {@link org.rfbridge.demo.server.RfbServer} accepts on one thread; each client session has a
 * reader thread (handshake, then client messages) and, after the handshake, a writer thread that alone
 * writes to the socket: framebuffer updates and the server messages queued for it. They share only the
 * session's {@link org.rfbridge.demo.server.ClientUpdateState} and
 * {@link org.rfbridge.demo.server.SessionClipboard} and the desktop, whose locks are always taken desktop
 * first, then the session's clipboard, then its update state.
 */
package org.rfbridge.demo.server;
