// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.protocol;

import java.util.ArrayList;
import java.util.List;
import org.rfbridge.rfb.ErrorCode;
import org.rfbridge.rfb.RfbProtocolException;
import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;

/**
 * The server's screens inside its framebuffer, as ExtendedDesktopSize reports them and SetDesktopSize sends them
 * back (the JavaScript core's {@code screen-layout.js}; the rules are {@code protocol-tests/EXTENSIONS.md}). A
 * multi-monitor desktop keeps its monitors when the viewer asks for another size: each screen is clipped to the
 * new size rather than the whole layout replaced by one screen.
 */
public record ScreenLayout(List<Screen> screens) {
    /** Bytes of one screen on the wire: id, x, y, width, height, flags. */
    static final int SCREEN_BYTES = 16;

    /** One screen: an id the server chose, its place in the framebuffer, and flags it defines. */
    public record Screen(long id, int x, int y, int width, int height, long flags) {
        boolean fitsIn(int fbWidth, int fbHeight) {
            return width > 0 && height > 0 && x + width <= fbWidth && y + height <= fbHeight;
        }
    }

    public ScreenLayout {
        screens = List.copyOf(screens);
    }

    /** Reads {@code count} screens, whose bytes must all be available. */
    static ScreenLayout read(RfbInput in, int count) {
        List<Screen> screens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long id = in.readU32(); // id
            int x = in.readU16(); // x-position
            int y = in.readU16(); // y-position
            int width = in.readU16(); // width
            int height = in.readU16(); // height
            long flags = in.readU32(); // flags
            screens.add(new Screen(id, x, y, width, height, flags));
        }
        return new ScreenLayout(screens);
    }

    /** Checks a layout the server applied: at least one screen, every screen inside the framebuffer. */
    void validate(int fbWidth, int fbHeight) throws RfbProtocolException {
        if (screens.isEmpty()) {
            throw new RfbProtocolException(ErrorCode.BAD_MESSAGE, "ExtendedDesktopSize with no screens");
        }
        for (int i = 0; i < screens.size(); i++) {
            Screen s = screens.get(i);
            if (!s.fitsIn(fbWidth, fbHeight)) {
                throw new RfbProtocolException(ErrorCode.RECT_OUT_OF_BOUNDS, "ExtendedDesktopSize screen " + (i + 1)
                        + " of " + screens.size() + " (id " + s.id() + ") at " + s.x() + "," + s.y() + " "
                        + s.width() + "x" + s.height() + " lies outside the " + fbWidth + "x" + fbHeight
                        + " framebuffer");
            }
        }
    }

    /**
     * The layout to ask for with a {@code width}x{@code height} framebuffer: one screen becomes the whole of it;
     * several are each clipped to it, those left empty dropped, and if none is left the first takes it all.
     */
    ScreenLayout resizedTo(int width, int height) {
        if (screens.size() > 1) {
            List<Screen> clipped = new ArrayList<>();
            for (Screen s : screens) {
                Screen c = new Screen(s.id(), s.x(), s.y(), Math.min(s.width(), width - s.x()),
                        Math.min(s.height(), height - s.y()), s.flags());
                if (c.width() > 0 && c.height() > 0) {
                    clipped.add(c);
                }
            }
            if (!clipped.isEmpty()) {
                return new ScreenLayout(clipped);
            }
        }
        Screen first = screens.isEmpty() ? new Screen(0, 0, 0, 0, 0, 0) : screens.get(0);
        return new ScreenLayout(List.of(new Screen(first.id(), 0, 0, width, height, first.flags())));
    }

    /** Writes the screens in SetDesktopSize's form. */
    void write(RfbOutput out) {
        for (Screen s : screens) {
            out.writeU32(s.id()) // id
                    .writeU16(s.x()) // x-position
                    .writeU16(s.y()) // y-position
                    .writeU16(s.width()) // width
                    .writeU16(s.height()) // height
                    .writeU32(s.flags()); // flags
        }
    }

    /** What the user reads when the server refuses a size this client asked for, by ExtendedDesktopSize status. */
    static String refusal(int status) {
        return switch (status) {
            case 1 -> "the server does not allow resizing the desktop";
            case 2 -> "the server is out of resources for that size";
            case 3 -> "the server says the screen layout is invalid";
            default -> "the server refused the size (status " + status + ")";
        };
    }
}
