// SPDX-License-Identifier: Apache-2.0
/**
 * VNC Authentication for the demo server: a small, self-contained DES and the challenge–response
 * check built on it (RFC 6143 §7.2.2, with the per-byte bit-mirrored key of the errata).
 *
 * <p>DES is only here because VNC Authentication requires it; it is not a general cipher API and must not
 * be used for anything else.
 */
package org.rfbridge.demo.auth;
