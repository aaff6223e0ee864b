// SPDX-License-Identifier: Apache-2.0
/**
 * Choosing where to connect: the connection form (view and view model), the recent connections and the
 * passwords the user agreed to keep, both in the user's configuration directory.
 */
package org.rfbridge.viewer.connect;
