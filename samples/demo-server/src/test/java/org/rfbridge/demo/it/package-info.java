// SPDX-License-Identifier: Apache-2.0
/**
 * Integration tests of the demo: the RFB core library's real client against the demo server over TCP and
 * through the proxy over WebSocket, and the packaged jar as a user runs it.
 */
package org.rfbridge.demo.it;
