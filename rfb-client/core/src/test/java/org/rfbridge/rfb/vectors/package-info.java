// SPDX-License-Identifier: Apache-2.0
/**
 * The Java runner of the language-neutral protocol test vectors in {@code protocol-tests/}, which the
 * JavaScript core's runner ({@code web-viewer/test/protocol-vectors.test.js}) loads as well.
 */
package org.rfbridge.rfb.vectors;
