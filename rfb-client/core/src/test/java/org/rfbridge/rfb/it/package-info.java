// SPDX-License-Identifier: Apache-2.0
/**
 * Integration tests of the library against real VNC servers started on loopback by
 * {@code org.rfbridge.testharness} (TigerVNC Xvnc, TightVNC Xtightvnc, x11vnc on Xvfb, QEMU's VNC server), through
 * rfbridge's proxy over WebSocket, and of the packaged {@code rfb-client} tool. Each class starts its servers once.
 */
package org.rfbridge.rfb.it;
