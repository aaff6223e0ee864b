// SPDX-License-Identifier: Apache-2.0
/**
 * Real programs for integration tests — VNC servers, X displays, the packaged jars — started on loopback
 * and stopped by PID. A test that needs a missing system package skips loudly instead of failing, because
 * CI installs them all and a skip there points at the install step.
 */
package org.rfbridge.testharness;
