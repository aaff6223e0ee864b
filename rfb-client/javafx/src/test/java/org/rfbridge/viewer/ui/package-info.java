// SPDX-License-Identifier: Apache-2.0
/**
 * UI integration tests: the real viewer window under a private Xvfb (see {@code src/test/xvfb-jdk/bin/java}) against
 * the demo desktop and TigerVNC's Xvnc, driven by TestFX's robot.
 */
package org.rfbridge.viewer.ui;
