// SPDX-License-Identifier: Apache-2.0
/**
 * Where a session may connect. The proxy connects only to targets an operator configured (one fixed
 * target, or a token file), so it can never be used as an open relay.
 */
package org.rfbridge.proxy.target;
