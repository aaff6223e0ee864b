// SPDX-License-Identifier: Apache-2.0
/**
 * The RFB (VNC) server side of the demo (RFC 6143): version and security handshake, client message
 * parsing and validation, per-client update tracking, and FramebufferUpdate encoding in Raw and CopyRect,
 * plus the DesktopSize pseudo-encoding when the desktop is resized. Wire constants, pixel formats, versions
 * and DES come from the RFB core library ({@code org.rfbridge.rfb}); only the server's side lives here.
 *
 * <p>Threads: {@link org.rfbridge.demo.server.RfbServer} accepts on one thread; each client session has a
 * reader thread (handshake, then client messages) and, after the handshake, a writer thread that alone
 * writes framebuffer updates to the socket. They share only the session's
 * {@link org.rfbridge.demo.server.ClientUpdateState} and the desktop, whose locks are always taken
 * desktop first, then session state.
 */
package org.rfbridge.demo.server;
