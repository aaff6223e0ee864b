// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import org.rfbridge.demo.desktop.Rect;

/** A pending CopyRect: the client must copy its pixels at {@code sourceX}, {@code sourceY} to {@code target}. */
record CopyOperation(Rect target, int sourceX, int sourceY) {

    Rect source() {
        return new Rect(sourceX, sourceY, target.width(), target.height());
    }
}
