// SPDX-License-Identifier: Apache-2.0
/**
 * Security types (RFC 6143 section 7.2): one {@link org.rfbridge.rfb.security.SecurityHandler} per type,
 * created by {@link org.rfbridge.rfb.security.SecurityTypes}. Supported: None, VNC Authentication (DES from
 * the JDK) and TightVNC's type 16 without tunnelling.
 * Handlers read and write through the I/O-free byte queues and return false when starved.
 */
package org.rfbridge.rfb.security;
