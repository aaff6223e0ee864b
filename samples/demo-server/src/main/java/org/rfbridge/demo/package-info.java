// SPDX-License-Identifier: Apache-2.0
/**
 * The rfbridge demo: {@link org.rfbridge.demo.DemoServerMain} runs a synthetic desktop as a VNC (RFB)
 * server, and {@link org.rfbridge.demo.DemoLauncher} runs it behind the rfbridge proxy and prints the URL to
 * open in a browser. {@link org.rfbridge.demo.DemoServer} is the embeddable whole.
 */
package org.rfbridge.demo;
