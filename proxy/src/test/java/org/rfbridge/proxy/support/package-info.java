// SPDX-License-Identifier: Apache-2.0
/** Test fixtures: leak checking, a scripted TCP backend, a raw WebSocket client, a proxy under test. */
package org.rfbridge.proxy.support;
