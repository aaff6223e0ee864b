// SPDX-License-Identifier: Apache-2.0
/**
 * The facade applications and tests use: {@link org.rfbridge.rfb.client.RfbClient} runs one session on a
 * thread of its own over a TCP or WebSocket transport chosen from a {@link org.rfbridge.rfb.client.Target},
 * reports to an {@link org.rfbridge.rfb.client.RfbClientListener}, and takes input from any thread.
 * {@link org.rfbridge.rfb.client.Failures} turns every failure into the one line a user sees.
 */
package org.rfbridge.rfb.client;
