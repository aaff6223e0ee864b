// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.session;

import javafx.scene.Cursor;
import javafx.scene.ImageCursor;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.rfbridge.rfb.pixel.CursorShape;

/** The server's cursor shape as a JavaFX cursor. FX thread. */
public final class CursorImages {
    private CursorImages() {
    }

    /** The cursor for {@code shape}: the default for null, none for an empty shape. */
    public static Cursor toCursor(CursorShape shape) {
        if (shape == null) {
            return Cursor.DEFAULT;
        }
        if (shape.width() == 0 || shape.height() == 0) {
            return Cursor.NONE;
        }
        WritableImage image = new WritableImage(shape.width(), shape.height());
        image.getPixelWriter().setPixels(0, 0, shape.width(), shape.height(), PixelFormat.getIntArgbInstance(),
                shape.argb(), 0, shape.width());
        return new ImageCursor(image, shape.hotspotX(), shape.hotspotY());
    }
}
