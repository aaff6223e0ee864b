// SPDX-License-Identifier: Apache-2.0
/**
 * The rfbridge desktop viewer: the command line ({@link org.rfbridge.viewer.ViewerCommand}), the launcher of the
 * self-contained jar, and the application that switches its window between the connection form and a session.
 */
package org.rfbridge.viewer;
