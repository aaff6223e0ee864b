// SPDX-License-Identifier: Apache-2.0
/**
 * Keyboard and pointer translation from JavaFX events to RFB: key codes and typed characters to X11 keysyms,
 * the set of keys held (released together when the window loses focus), and mouse buttons and wheel turns to
 * PointerEvent masks. Pure functions over JavaFX enums: no scene graph, no session.
 */
package org.rfbridge.viewer.input;
