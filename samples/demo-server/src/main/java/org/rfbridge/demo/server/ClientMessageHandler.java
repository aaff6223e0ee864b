// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.demo.server;

import org.rfbridge.demo.desktop.Rect;
import org.rfbridge.rfb.pixel.PixelFormat;

/**
 * What a {@link ClientMessageReader} found, one call per client message, already validated as far as the
 * message alone allows. Called on the session's reader thread, in the order the messages arrived.
 */
interface ClientMessageHandler {

    /** SetPixelFormat with a format that passed {@link ServedPixelFormats#requireServable}. */
    void setPixelFormat(PixelFormat format);

    /** SetEncodings, summarised: which encodings and extensions the demo can use were listed. */
    void setEncodings(ClientEncodings encodings);

    /**
     * FramebufferUpdateRequest for {@code area} as sent; not clipped here, because only the update state
     * knows the size the client is at (a client may still ask for an area of a size it saw earlier).
     */
    void updateRequest(boolean incremental, Rect area);

    void keyEvent(boolean down, int keysym);

    /** QEMU's extended key event: the keysym (maybe 0) and the XT scancode in QEMU's one-byte form. */
    void qemuKeyEvent(boolean down, int keysym, int scancode);

    /** PointerEvent; coordinates are as sent (16-bit), not yet clamped. */
    void pointerEvent(int buttonMask, int x, int y);

    /** ClientCutText within the size limit, decoded as Latin-1, line ends as sent. */
    void cutText(String text);

    /** ClientCutText (plain or extended) over the size limit: its bytes were read and thrown away. */
    void cutTextSkipped(long length);

    /**
     * Extended clipboard caps: the formats the client takes, the actions it supports (caps itself removed)
     * and the largest text it takes (0: it named no limit).
     */
    void clipboardCaps(int formats, int actions, long textMax);

    /** Extended clipboard request: the client wants the clipboard in {@code formats}. */
    void clipboardRequest(int formats);

    /** Extended clipboard peek: the client wants to know which formats the clipboard has. */
    void clipboardPeek();

    /** Extended clipboard notify: the client's clipboard changed and now has {@code formats}. */
    void clipboardNotify(int formats);

    /** Extended clipboard provide with text, decoded (no NUL, LF line ends). */
    void clipboardProvide(String text);

    /** Extended clipboard provide whose text was dropped: {@code reason} says why. */
    void clipboardDropped(String reason);

    /**
     * EnableContinuousUpdates with enable 1 for {@code area} as sent, or enable 0 ({@code area} then means
     * nothing).
     *
     * @throws ClientProtocolException if the area lies outside the framebuffer
     */
    void continuousUpdates(boolean enable, Rect area) throws ClientProtocolException;

    /** Fence with its flags as sent and a payload of at most 64 bytes. */
    void fence(int flags, byte[] payload);

    /**
     * SetDesktopSize as sent: {@code layout} is whatever screens came, not yet checked against the size.
     */
    void setDesktopSize(int width, int height, ScreenLayout layout);
}
