// SPDX-License-Identifier: Apache-2.0
/**
 * VNC Authentication for the demo server (RFC 6143 §7.2.2): challenges, the response check, and the
 * password file. The DES itself is the RFB core library's; nothing here is a general cipher API.
 */
package org.rfbridge.demo.auth;
