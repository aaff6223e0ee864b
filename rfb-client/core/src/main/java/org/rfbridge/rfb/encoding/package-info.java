// SPDX-License-Identifier: Apache-2.0
/**
 * Rectangle decoders: one {@link org.rfbridge.rfb.encoding.RectDecoder} class per encoding, registered in one
 * {@link org.rfbridge.rfb.encoding.DecoderRegistry}, with the encoding numbers and their names in
 * {@link org.rfbridge.rfb.encoding.Encodings}. Decoders see only the rectangle, the input bytes, the pixel
 * format and the framebuffer, never the transport; they return false when starved and keep their progress
 * in fields. Adding an encoding is one class plus one line in {@link DecoderRegistry#standard()}.
 */
package org.rfbridge.rfb.encoding;
