#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the vectors of protocol-tests/vectors/{rre,hextile,zlib,tight,tightpng,cursor}: each encoding and
subencoding in 8-, 16- and 32-bit formats of both byte orders, the XCursor and CursorWithAlpha
pseudo-encodings, and a hostile vector for each check.

The expected pixels come from the colours the script encodes, converted as RFC 6143 says (each channel
scaled to 0..255), never from a decoder. Run it from the repository's top directory:

    python3 protocol-tests/tools/encoding_vectors.py

It rewrites those groups' files; a change to a vector shows in git diff.
"""
import hashlib
import json
import os
import random
import struct
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
IMAGES = os.path.join(ROOT, 'tools', 'images')

FORMATS = {
    # name: bpp, depth, big-endian, true colour, maxes, shifts
    'bgr233': (8, 8, False, True, (7, 7, 3), (0, 3, 6)),
    'rgb565-le': (16, 16, False, True, (31, 63, 31), (11, 5, 0)),
    'rgb565-be': (16, 16, True, True, (31, 63, 31), (11, 5, 0)),
    'xrgb-le': (32, 24, False, True, (255, 255, 255), (16, 8, 0)),
    'xrgb-be': (32, 24, True, True, (255, 255, 255), (16, 8, 0)),
}
DEFAULT_FORMAT = 'xrgb-le'

RAW, COPY_RECT, RRE, HEXTILE, ZLIB, TIGHT, ZRLE = 0, 1, 2, 5, 6, 7, 16
TIGHT_PNG = -260
PSEUDO = [-239, -223, -224]

RED, GREEN, BLUE = 0xff0000, 0x00ff00, 0x0000ff
WHITE, BLACK, YELLOW, CYAN, MAGENTA = 0xffffff, 0x000000, 0xffff00, 0x00ffff, 0xff00ff
GREY = 0x808080
# The JPEG's 8x8 blocks: one tint plus different greys, so that the chroma JPEG subsamples is the same
# everywhere and each block decodes close to its colour (made by MakeImages.java).
BLOCK_COLOURS = [0x503020, 0x907060, 0xd0b0a0, 0x705040]


class Format:
    def __init__(self, name):
        self.name = name
        (self.bpp, self.depth, self.big, self.true, self.maxes, self.shifts) = FORMATS[name]

    def wire(self):
        return struct.pack('>BBBBHHHBBB3x', self.bpp, self.depth, self.big, self.true, *self.maxes, *self.shifts)

    def json(self):
        return {'bitsPerPixel': self.bpp, 'depth': self.depth, 'bigEndian': self.big, 'trueColour': self.true,
                'redMax': self.maxes[0], 'greenMax': self.maxes[1], 'blueMax': self.maxes[2],
                'redShift': self.shifts[0], 'greenShift': self.shifts[1], 'blueShift': self.shifts[2]}

    def channels(self, rgb):
        """The colour's channel values in this format (rounded as the cores' fromArgb)."""
        c8 = ((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255)
        return tuple((c * m + 127) // 255 for c, m in zip(c8, self.maxes))

    def value(self, rgb):
        return sum(c << s for c, s in zip(self.channels(rgb), self.shifts))

    def pack_value(self, value):
        n = self.bpp // 8
        return value.to_bytes(n, 'big' if self.big else 'little')

    def pixel(self, rgb):
        return self.pack_value(self.value(rgb))

    def shown(self, rgb):
        """What a client shows for the colour: each channel value scaled back to 0..255."""
        out = 0
        for c, m in zip(self.channels(rgb), self.maxes):
            out = out << 8 | ((c * 255 + m // 2) // m)
        return out

    def is_tpixel(self):
        return self.bpp == 32 and self.depth == 24 and self.maxes == (255, 255, 255)

    def tpixel(self, rgb):
        """A pixel as Tight sends it: three bytes R, G, B for 32-bit 888 formats."""
        if self.is_tpixel():
            return bytes(((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255))
        return self.pixel(rgb)


class Screen:
    """The client's framebuffer as a correct decoder leaves it."""

    def __init__(self, width, height):
        self.width, self.height = width, height
        self.rgb = [[0] * width for _ in range(height)]

    def fill(self, x, y, w, h, rgb):
        for yy in range(y, y + h):
            for xx in range(x, x + w):
                self.rgb[yy][xx] = rgb

    def put(self, x, y, w, rows):
        for dy, row in enumerate(rows):
            for dx in range(w):
                self.rgb[y + dy][x + dx] = row[dx]

    def expect(self, hashed=False):
        if hashed:
            data = b''.join(bytes(((p >> 16) & 255, (p >> 8) & 255, p & 255)) for row in self.rgb for p in row)
            return {'width': self.width, 'height': self.height, 'sha256': hashlib.sha256(data).hexdigest()}
        return {'width': self.width, 'height': self.height,
                'rows': [' '.join('%06x' % p for p in row) for row in self.rgb]}


def hexs(data):
    return data.hex()


def u16(v):
    return struct.pack('>H', v)


def u32(v):
    return struct.pack('>I', v)


def s32(v):
    return struct.pack('>i', v)


def rect_header(x, y, w, h, encoding):
    return u16(x) + u16(y) + u16(w) + u16(h) + s32(encoding)


def update(*rects):
    """A FramebufferUpdate of already encoded rectangles (header + body each)."""
    return b'\x00\x00' + u16(len(rects)) + b''.join(rects)


class Vector:
    def __init__(self, group, name, about, fmt, encodings, width, height):
        self.group, self.name, self.about = group, name, about
        self.fmt = Format(fmt)
        self.encodings = encodings + PSEUDO
        self.width, self.height = width, height
        self.screen = Screen(width, height)
        self.events = [{'type': 'connected', 'width': width, 'height': height, 'name': group}]
        self.script = [
            {'server': '524642203030332e3030380a'}, {'client': '524642203030332e3030380a'},
            {'server': '01 01'}, {'client': '01'}, {'server': '00000000'}, {'client': '01'},
            {'server': hexs(u16(width) + u16(height) + Format(DEFAULT_FORMAT).wire()
                            + u32(len(group)) + group.encode())},
            {'client': hexs(b'\x00\x00\x00\x00' + self.fmt.wire() + b'\x02\x00' + u16(len(self.encodings))
                            + b''.join(s32(e) for e in self.encodings)
                            + b'\x03\x00' + u16(0) + u16(0) + u16(width) + u16(height))},
        ]
        self.error = None
        self.tolerance = None
        self.hashed = False

    def send_update(self, data):
        """Server bytes of one whole update, which the client must acknowledge with its next request."""
        self.script.append({'server': hexs(data)})
        self.script.append({'client': hexs(b'\x03\x01' + u16(0) + u16(0) + u16(self.width) + u16(self.height))})
        self.events.append({'type': 'update'})

    def send_bad(self, data, code, message):
        """Server bytes the client must refuse with the error code and message."""
        self.script.append({'server': hexs(data)})
        self.error = {'code': code, 'message': 'protocol error: ' + message}

    def write(self):
        expect = {'events': self.events}
        if self.error:
            expect['error'] = self.error
        else:
            expect['framebuffer'] = self.screen.expect(self.hashed)
            if self.tolerance is not None:
                expect['framebuffer']['tolerance'] = self.tolerance
        vector = {'about': self.about, 'client': {'encodings': self.encodings}, 'script': self.script,
                  'expect': expect}
        if self.fmt.name != DEFAULT_FORMAT:
            vector['client']['pixelFormat'] = self.fmt.json()
        folder = os.path.join(ROOT, 'vectors', self.group)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, self.name + '.json'), 'w') as out:
            json.dump(vector, out, indent=2)
            out.write('\n')


def zlib_stream():
    return zlib.compressobj(9, zlib.DEFLATED, 15)


def flushed(stream, data):
    """What a server sends for one rectangle: the data compressed and sync-flushed."""
    return stream.compress(data) + stream.flush(zlib.Z_SYNC_FLUSH)


# ---------------------------------------------------------------------------------------------------- RRE

def rre_body(fmt, background, subrects):
    body = u32(len(subrects)) + fmt.pixel(background)
    for rgb, x, y, w, h in subrects:
        body += fmt.pixel(rgb) + u16(x) + u16(y) + u16(w) + u16(h)
    return body


def rre_vectors():
    for name in FORMATS:
        v = Vector('rre', 'subrects-' + name, 'RRE with a background and overlapping subrectangles in %s.' % name,
                   name, [RRE], 5, 4)
        f = v.fmt
        subs = [(RED, 0, 0, 2, 2), (GREEN, 1, 1, 3, 2), (BLUE, 4, 3, 1, 1)]
        v.send_update(update(rect_header(0, 0, 5, 4, RRE) + rre_body(f, WHITE, subs)))
        v.screen.fill(0, 0, 5, 4, f.shown(WHITE))
        for rgb, x, y, w, h in subs:
            v.screen.fill(x, y, w, h, f.shown(rgb))
        v.write()

    v = Vector('rre', 'offset-rectangle', 'Subrectangle positions are relative to their RRE rectangle.',
               DEFAULT_FORMAT, [RRE], 4, 4)
    v.send_update(update(rect_header(1, 2, 3, 2, RRE) + rre_body(v.fmt, YELLOW, [(BLUE, 2, 1, 1, 1)])))
    v.screen.fill(1, 2, 3, 2, YELLOW)
    v.screen.fill(3, 3, 1, 1, BLUE)
    v.write()

    v = Vector('rre', 'background-only', 'An RRE rectangle without subrectangles is its background.',
               DEFAULT_FORMAT, [RRE], 2, 2)
    v.send_update(update(rect_header(0, 0, 2, 2, RRE) + rre_body(v.fmt, CYAN, [])))
    v.screen.fill(0, 0, 2, 2, CYAN)
    v.write()

    v = Vector('rre', 'empty-rectangle', 'An empty RRE rectangle with no subrectangles paints nothing.',
               DEFAULT_FORMAT, [RRE], 2, 2)
    v.send_update(update(rect_header(1, 1, 0, 0, RRE) + rre_body(v.fmt, CYAN, [])))
    v.write()

    v = Vector('rre', 'subrect-outside', 'A subrectangle reaching outside its RRE rectangle is refused.',
               DEFAULT_FORMAT, [RRE], 4, 4)
    v.send_bad(update(rect_header(0, 0, 4, 4, RRE) + rre_body(v.fmt, WHITE, [(RED, 2, 2, 3, 1)])),
               'bad-encoding-data', 'RRE rectangle 4x4+0+0: subrectangle 3x1+2+2 lies outside it')
    v.write()

    v = Vector('rre', 'too-many-subrects', 'More RRE subrectangles than the rectangle has pixels are refused '
               'before any is read.', DEFAULT_FORMAT, [RRE], 4, 4)
    v.send_bad(update(rect_header(0, 0, 2, 2, RRE) + u32(0xffffffff) + v.fmt.pixel(WHITE)),
               'bad-encoding-data', 'RRE rectangle 2x2+0+0 claims 4294967295 subrectangles; it has only 4 pixels')
    v.write()


# ------------------------------------------------------------------------------------------------ Hextile

HEX_RAW, HEX_BG, HEX_FG, HEX_ANY, HEX_COLOURED = 1, 2, 4, 8, 16


def hextile_vectors():
    for name in FORMATS:
        # 20x18: four tiles, three of them cut short by the rectangle's edges.
        v = Vector('hextile', 'tiles-' + name, 'Hextile in %s: a raw tile, a background-only tile, one-colour '
                   'subrectangles with a background and foreground kept from the tiles before, and coloured '
                   'subrectangles.' % name, name, [HEXTILE], 20, 18)
        f = v.fmt
        s = v.screen
        body = b''
        # Tile 0,0 (16x16): background and foreground given, two subrectangles in the foreground.
        body += bytes([HEX_BG | HEX_FG | HEX_ANY]) + f.pixel(BLUE) + f.pixel(YELLOW) + bytes([2])
        body += bytes([0x00, 0x11]) + bytes([0xf0 | 0x0f, 0x00])  # 2x2 at 0,0; 1x1 at 15,15
        s.fill(0, 0, 16, 16, f.shown(BLUE))
        s.fill(0, 0, 2, 2, f.shown(YELLOW))
        s.fill(15, 15, 1, 1, f.shown(YELLOW))
        # Tile 16,0 (4x16): raw.
        raw = [[[RED, GREEN, WHITE, BLACK][(x + y) % 4] for x in range(4)] for y in range(16)]
        body += bytes([HEX_RAW]) + b''.join(f.pixel(p) for row in raw for p in row)
        s.put(16, 0, 4, [[f.shown(p) for p in row] for row in raw])
        # Tile 0,16 (16x2): subrectangles in the foreground of tile 0,0 on the background of tile 0,0.
        body += bytes([HEX_ANY, 1, 0x31, 0x20])  # 3x1 at 3,1
        s.fill(0, 16, 16, 2, f.shown(BLUE))
        s.fill(3, 17, 3, 1, f.shown(YELLOW))
        # Tile 16,16 (4x2): new background, coloured subrectangles.
        body += bytes([HEX_BG | HEX_ANY | HEX_COLOURED]) + f.pixel(GREY) + bytes([2])
        body += f.pixel(MAGENTA) + bytes([0x00, 0x10]) + f.pixel(CYAN) + bytes([0x31, 0x00])
        s.fill(16, 16, 4, 2, f.shown(GREY))
        s.fill(16, 16, 2, 1, f.shown(MAGENTA))
        s.fill(19, 17, 1, 1, f.shown(CYAN))
        v.send_update(update(rect_header(0, 0, 20, 18, HEXTILE) + body))
        v.write()

    v = Vector('hextile', 'background-only', 'A Hextile tile with only a background, then one that keeps it.',
               DEFAULT_FORMAT, [HEXTILE], 20, 2)
    v.send_update(update(rect_header(0, 0, 20, 2, HEXTILE) + bytes([HEX_BG]) + v.fmt.pixel(GREEN) + bytes([0])))
    v.screen.fill(0, 0, 20, 2, GREEN)
    v.write()

    v = Vector('hextile', 'raw-wins', 'A Hextile tile with the raw bit is raw, whatever its other bits say.',
               DEFAULT_FORMAT, [HEXTILE], 2, 1)
    v.send_update(update(rect_header(0, 0, 2, 1, HEXTILE) + bytes([HEX_RAW | HEX_BG | HEX_ANY])
                         + v.fmt.pixel(RED) + v.fmt.pixel(BLUE)))
    v.screen.put(0, 0, 2, [[RED, BLUE]])
    v.write()

    v = Vector('hextile', 'offset-rectangle', 'Hextile tiles start at the rectangle, not at the framebuffer\'s '
               'origin.', DEFAULT_FORMAT, [HEXTILE], 20, 4)
    v.send_update(update(rect_header(3, 1, 17, 2, HEXTILE)
                         + bytes([HEX_BG | HEX_FG | HEX_ANY]) + v.fmt.pixel(WHITE) + v.fmt.pixel(BLACK)
                         + bytes([1, 0xf1, 0x00]) + bytes([HEX_BG]) + v.fmt.pixel(RED)))
    v.screen.fill(3, 1, 16, 2, WHITE)
    v.screen.fill(18, 2, 1, 1, BLACK)
    v.screen.fill(19, 1, 1, 2, RED)
    v.write()

    v = Vector('hextile', 'empty-rectangle', 'An empty Hextile rectangle has no tiles.', DEFAULT_FORMAT,
               [HEXTILE], 2, 2)
    v.send_update(update(rect_header(0, 0, 0, 2, HEXTILE)))
    v.write()

    v = Vector('hextile', 'subrect-outside-tile', 'A Hextile subrectangle reaching out of its tile (cut short '
               'by the rectangle) is refused.', DEFAULT_FORMAT, [HEXTILE], 20, 4)
    v.send_bad(update(rect_header(0, 0, 20, 4, HEXTILE)
                      + bytes([HEX_BG | HEX_FG | HEX_ANY]) + v.fmt.pixel(WHITE) + v.fmt.pixel(BLACK)
                      + bytes([1, 0x00, 0x34])),
               'bad-encoding-data', 'Hextile rectangle 20x4+0+0, tile at 0,0: subrectangle 4x5+0+0 lies '
               'outside the 16x4 tile')
    v.write()

    v = Vector('hextile', 'unknown-subencoding', 'Hextile subencoding bits beyond the five defined are refused.',
               DEFAULT_FORMAT, [HEXTILE], 20, 4)
    v.send_bad(update(rect_header(0, 0, 20, 4, HEXTILE) + bytes([HEX_BG]) + v.fmt.pixel(WHITE)
                      + bytes([0x20])),
               'bad-encoding-data', 'Hextile rectangle 20x4+0+0, tile at 16,0: unknown subencoding bits in 32')
    v.write()


# --------------------------------------------------------------------------------------------------- Zlib

def zlib_vectors():
    pattern = [[RED, GREEN, BLUE], [WHITE, BLACK, YELLOW]]
    for name in FORMATS:
        v = Vector('zlib', 'pixels-' + name, 'Zlib pixels in %s.' % name, name, [ZLIB], 3, 2)
        f = v.fmt
        data = flushed(zlib_stream(), b''.join(f.pixel(p) for row in pattern for p in row))
        v.send_update(update(rect_header(0, 0, 3, 2, ZLIB) + u32(len(data)) + data))
        v.screen.put(0, 0, 3, [[f.shown(p) for p in row] for row in pattern])
        v.write()

    v = Vector('zlib', 'stream-across-rectangles', 'The Zlib stream goes on from one rectangle to the next, '
               'and from one update to the next.', DEFAULT_FORMAT, [ZLIB], 3, 2)
    stream = zlib_stream()
    f = v.fmt
    first = flushed(stream, f.pixel(RED) * 3)
    second = flushed(stream, f.pixel(RED) * 2 + f.pixel(BLUE))
    third = flushed(stream, f.pixel(WHITE))
    v.send_update(update(rect_header(0, 0, 3, 1, ZLIB) + u32(len(first)) + first,
                         rect_header(0, 1, 3, 1, ZLIB) + u32(len(second)) + second))
    v.send_update(update(rect_header(1, 1, 1, 1, ZLIB) + u32(len(third)) + third))
    v.screen.put(0, 0, 3, [[RED, RED, RED], [RED, WHITE, BLUE]])
    v.write()

    v = Vector('zlib', 'large-rectangle', 'A Zlib rectangle whose pixels inflate in many chunks.',
               DEFAULT_FORMAT, [ZLIB], 160, 120)
    rng = random.Random(6)
    rows = [[rng.choice([RED, GREEN, BLUE, WHITE, rng.randrange(1 << 24)]) for _ in range(160)] for _ in range(120)]
    data = flushed(zlib_stream(), b''.join(v.fmt.pixel(p) for row in rows for p in row))
    v.send_update(update(rect_header(0, 0, 160, 120, ZLIB) + u32(len(data)) + data))
    v.screen.put(0, 0, 160, rows)
    v.hashed = True
    v.write()

    v = Vector('zlib', 'empty-rectangle', 'An empty Zlib rectangle with no data.', DEFAULT_FORMAT, [ZLIB], 2, 2)
    v.send_update(update(rect_header(0, 0, 2, 0, ZLIB) + u32(0)))
    v.write()

    v = Vector('zlib', 'not-zlib', 'Zlib data that is not zlib.', DEFAULT_FORMAT, [ZLIB], 2, 2)
    v.send_bad(update(rect_header(0, 0, 1, 1, ZLIB) + u32(4) + bytes.fromhex('12345678')),
               'bad-compressed-data', 'Zlib data is not valid zlib')
    v.write()

    v = Vector('zlib', 'inflates-beyond', 'Zlib data inflating to more than the rectangle\'s pixels (a zlib '
               'bomb) is refused as it inflates.', DEFAULT_FORMAT, [ZLIB], 2, 2)
    data = flushed(zlib_stream(), bytes(100000))
    v.send_bad(update(rect_header(0, 0, 2, 1, ZLIB) + u32(len(data)) + data),
               'bad-compressed-data', 'Zlib rectangle 2x1+0+0: the data inflates beyond its 8 bytes of pixels')
    v.write()

    v = Vector('zlib', 'inflates-short', 'Zlib data inflating to fewer bytes than the rectangle\'s pixels.',
               DEFAULT_FORMAT, [ZLIB], 2, 2)
    data = flushed(zlib_stream(), bytes(6))
    v.send_bad(update(rect_header(0, 0, 2, 1, ZLIB) + u32(len(data)) + data),
               'bad-encoding-data', 'Zlib rectangle 2x1+0+0: the data inflates to 6 of its 8 bytes of pixels')
    v.write()

    v = Vector('zlib', 'length-over-bound', 'A Zlib length larger than the rectangle could ever need.',
               DEFAULT_FORMAT, [ZLIB], 2, 2)
    v.send_bad(update(rect_header(0, 0, 2, 2, ZLIB) + u32(0xffffffff)),
               'bad-encoding-data', 'Zlib rectangle 2x2+0+0 claims 4294967295 compressed bytes; its pixels can '
               'take at most 1040')
    v.write()

    v = Vector('zlib', 'stream-finished', 'A Zlib stream that ends cannot carry the next rectangle.',
               DEFAULT_FORMAT, [ZLIB], 2, 2)
    data = zlib.compress(v.fmt.pixel(RED))
    v.send_bad(update(rect_header(0, 0, 1, 1, ZLIB) + u32(len(data)) + data),
               'bad-compressed-data', 'Zlib zlib stream ended or asked for a dictionary')
    v.write()


# -------------------------------------------------------------------------------------------------- Tight

def compact(n):
    out = bytes([n & 0x7f | (0x80 if n > 0x7f else 0)])
    if n > 0x7f:
        out += bytes([(n >> 7) & 0x7f | (0x80 if n > 0x3fff else 0)])
        if n > 0x3fff:
            out += bytes([(n >> 14) & 0xff])
    return out


class TightServer:
    """A Tight encoder's four zlib streams."""

    def __init__(self):
        self.streams = [zlib_stream() for _ in range(4)]

    def basic(self, stream_id, data, filter_id=None, palette=b'', reset=0):
        control = reset | stream_id << 4 | (0x40 if filter_id is not None else 0)
        out = bytes([control])
        if filter_id is not None:
            out += bytes([filter_id]) + palette
        if reset:
            for i in range(4):
                if reset & (1 << i):
                    self.streams[i] = zlib_stream()
        if len(data) < 12:
            return out + data
        packed = flushed(self.streams[stream_id], data)
        return out + compact(len(packed)) + packed


def gradient_encode(rows, fmt):
    """Tight's gradient filter: each channel as its difference from left + above - above-left, clamped."""
    maxes = (255, 255, 255) if fmt.is_tpixel() else fmt.maxes
    chans = [[fmt.channels(p) if not fmt.is_tpixel() else ((p >> 16) & 255, (p >> 8) & 255, p & 255)
              for p in row] for row in rows]
    out = b''
    for y, row in enumerate(chans):
        for x, c in enumerate(row):
            diff = []
            for k in range(3):
                left = row[x - 1][k] if x > 0 else 0
                above = chans[y - 1][x][k] if y > 0 else 0
                above_left = chans[y - 1][x - 1][k] if x > 0 and y > 0 else 0
                prediction = max(0, min(maxes[k], left + above - above_left))
                diff.append((c[k] - prediction) & maxes[k])
            if fmt.is_tpixel():
                out += bytes(diff)
            else:
                out += fmt.pack_value(sum(d << s for d, s in zip(diff, fmt.shifts)))
    return out


def tight_vectors():
    pattern = [[RED, GREEN, BLUE, WHITE], [BLACK, YELLOW, CYAN, MAGENTA], [GREY, RED, GREEN, BLUE],
               [WHITE, WHITE, BLACK, BLACK]]
    for name in FORMATS:
        v = Vector('tight', 'fill-' + name, 'A Tight fill in %s.' % name, name, [TIGHT], 4, 2)
        v.send_update(update(rect_header(1, 0, 3, 2, TIGHT) + b'\x80' + v.fmt.tpixel(GREEN)))
        v.screen.fill(1, 0, 3, 2, v.fmt.shown(GREEN))
        v.write()

        v = Vector('tight', 'copy-' + name, 'Tight basic compression with the copy filter in %s, compressed in '
                   'stream 0.' % name, name, [TIGHT], 4, 4)
        f = v.fmt
        server = TightServer()
        data = b''.join(f.tpixel(p) for row in pattern for p in row)
        v.send_update(update(rect_header(0, 0, 4, 4, TIGHT) + server.basic(0, data)))
        v.screen.put(0, 0, 4, [[f.shown(p) for p in row] for row in pattern])
        v.write()

        v = Vector('tight', 'palette-' + name, 'Tight basic compression with a five-colour palette in %s.'
                   % name, name, [TIGHT], 4, 4)
        f = v.fmt
        colours = [RED, GREEN, BLUE, WHITE, BLACK]
        rows = [[colours[(x + 2 * y) % 5] for x in range(4)] for y in range(4)]
        indices = bytes(colours.index(p) for row in rows for p in row)
        palette = bytes([4]) + b''.join(f.tpixel(c) for c in colours)
        v.send_update(update(rect_header(0, 0, 4, 4, TIGHT)
                             + TightServer().basic(1, indices, filter_id=1, palette=palette)))
        v.screen.put(0, 0, 4, [[f.shown(p) for p in row] for row in rows])
        v.write()

        v = Vector('tight', 'gradient-' + name, 'Tight basic compression with the gradient filter in %s.' % name,
                   name, [TIGHT], 4, 4)
        f = v.fmt
        smooth = [[(0x10 * x + 0x30 * y) << 16 | (0x40 + 0x08 * x) << 8 | (0xf0 - 0x20 * y) for x in range(4)]
                  for y in range(4)]
        v.send_update(update(rect_header(0, 0, 4, 4, TIGHT)
                             + TightServer().basic(2, gradient_encode(smooth, f), filter_id=2)))
        v.screen.put(0, 0, 4, [[f.shown(p) for p in row] for row in smooth])
        v.write()

    v = Vector('tight', 'mono-palette', 'A two-colour Tight palette packs a pixel a bit, each row padded to a '
               'byte.', DEFAULT_FORMAT, [TIGHT], 10, 2)
    rows = [[WHITE if (x * 3 + y) % 4 == 0 else BLUE for x in range(10)] for y in range(2)]
    bits = b''
    for row in rows:
        value = 0
        for x, p in enumerate(row):
            value |= (1 if p == WHITE else 0) << (15 - x)
        bits += u16(value)
    v.send_update(update(rect_header(0, 0, 10, 2, TIGHT)
                         + TightServer().basic(0, bits, filter_id=1,
                                               palette=bytes([1]) + v.fmt.tpixel(BLUE) + v.fmt.tpixel(WHITE))))
    v.screen.put(0, 0, 10, rows)
    v.write()

    v = Vector('tight', 'uncompressed', 'Tight basic data under 12 bytes comes without a length or compression.',
               DEFAULT_FORMAT, [TIGHT], 3, 1)
    v.send_update(update(rect_header(0, 0, 3, 1, TIGHT) + TightServer().basic(0, b''.join(
        v.fmt.tpixel(p) for p in (RED, GREEN, BLUE)))))
    v.screen.put(0, 0, 3, [[RED, GREEN, BLUE]])
    v.write()

    v = Vector('tight', 'empty-rectangle', 'An empty Tight rectangle in basic compression has no rows and no data.',
               DEFAULT_FORMAT, [TIGHT], 4, 4)
    v.send_update(update(rect_header(1, 1, 0, 3, TIGHT) + b'\x00', rect_header(0, 0, 1, 1, TIGHT) + b'\x80'
                         + v.fmt.tpixel(RED)))
    v.screen.fill(0, 0, 1, 1, RED)
    v.write()

    v = Vector('tight', 'four-streams', 'Tight\'s four zlib streams each go on across rectangles and updates, '
               'and a reset bit starts its stream afresh.', DEFAULT_FORMAT, [TIGHT], 4, 4)
    server = TightServer()
    f = v.fmt
    rows = [[[RED, GREEN, BLUE, WHITE][(x + 2 * y) % 4] for x in range(4)] for y in range(4)]
    rects = [rect_header(0, y, 4, 1, TIGHT) + server.basic(y, b''.join(f.tpixel(p) for p in rows[y]))
             for y in range(4)]
    # Rows of four pixels are 12 bytes: each rectangle is compressed.
    v.send_update(update(*rects))
    again = [rect_header(0, y, 4, 1, TIGHT) + server.basic(y, b''.join(f.tpixel(p) for p in rows[3 - y]),
                                                          reset=(0b0101 if y == 0 else 0))
             for y in range(4)]
    v.send_update(update(*again))
    v.screen.put(0, 0, 4, [rows[3 - y] for y in range(4)])
    v.write()

    v = Vector('tight', 'long-compact-length', 'A Tight rectangle whose compressed length takes all three bytes '
               'of the compact length.', DEFAULT_FORMAT, [TIGHT], 100, 64)
    rng = random.Random(7)
    noise = [[rng.randrange(1 << 24) for _ in range(100)] for _ in range(64)]
    body = TightServer().basic(0, b''.join(v.fmt.tpixel(p) for row in noise for p in row))
    assert body[3] & 0x80 == 0 and body[1] & 0x80 and body[2] & 0x80, 'length not in three bytes'
    v.send_update(update(rect_header(0, 0, 100, 64, TIGHT) + body))
    v.screen.put(0, 0, 100, noise)
    v.hashed = True
    v.write()

    with open(os.path.join(IMAGES, 'blocks-16x16.jpg'), 'rb') as image:
        jpeg = image.read()
    blocks = [[BLOCK_COLOURS[(y // 8) * 2 + x // 8] for x in range(16)] for y in range(16)]
    for name in ('xrgb-le', 'rgb565-be'):
        v = Vector('tight', 'jpeg-' + name, 'A Tight JPEG in %s, decoded by each core\'s image decoder, so '
                   'compared within a tolerance.' % name, name, [TIGHT], 18, 16)
        v.send_update(update(rect_header(2, 0, 16, 16, TIGHT) + b'\x90' + compact(len(jpeg)) + jpeg))
        # Images are decoded at eight bits a channel, whatever the pixel format.
        v.screen.put(2, 0, 16, blocks)
        v.tolerance = 12
        v.write()

    v = Vector('tight', 'jpeg-wrong-size', 'A Tight JPEG whose header gives another size than its rectangle\'s '
               'is refused before decoding.', DEFAULT_FORMAT, [TIGHT], 16, 16)
    v.send_bad(update(rect_header(0, 0, 8, 16, TIGHT) + b'\x90' + compact(len(jpeg)) + jpeg),
               'bad-encoding-data', 'Tight rectangle 8x16+0+0: the JPEG image is 16x16')
    v.write()

    v = Vector('tight', 'jpeg-not-jpeg', 'Tight JPEG data that is no JPEG image is refused.', DEFAULT_FORMAT,
               [TIGHT], 16, 16)
    v.send_bad(update(rect_header(0, 0, 2, 2, TIGHT) + b'\x90' + compact(4) + bytes.fromhex('89504e47')),
               'bad-encoding-data', 'Tight rectangle 2x2+0+0: the data is not a JPEG image')
    v.write()

    v = Vector('tight', 'png-in-tight', 'Plain Tight has no PNG compression type.', DEFAULT_FORMAT, [TIGHT], 4, 2)
    v.send_bad(update(rect_header(0, 0, 4, 2, TIGHT) + b'\xa0'),
               'bad-encoding-data', 'Tight rectangle 4x2+0+0: unknown compression type 10 (control byte 0xa0)')
    v.write()

    v = Vector('tight', 'unknown-compression', 'Tight compression types above PNG\'s are refused.',
               DEFAULT_FORMAT, [TIGHT], 4, 2)
    v.send_bad(update(rect_header(0, 0, 4, 2, TIGHT) + b'\xb0'),
               'bad-encoding-data', 'Tight rectangle 4x2+0+0: unknown compression type 11 (control byte 0xb0)')
    v.write()

    v = Vector('tight', 'unknown-filter', 'Tight filters other than copy, palette and gradient are refused.',
               DEFAULT_FORMAT, [TIGHT], 4, 2)
    v.send_bad(update(rect_header(0, 0, 4, 2, TIGHT) + b'\x40\x03'),
               'bad-encoding-data', 'Tight rectangle 4x2+0+0: unknown filter 3')
    v.write()

    v = Vector('tight', 'palette-index-out-of-range', 'A Tight palette index past the palette is refused.',
               DEFAULT_FORMAT, [TIGHT], 4, 4)
    indices = bytes([0, 1, 2, 3] * 4)
    v.send_bad(update(rect_header(0, 0, 4, 4, TIGHT) + TightServer().basic(
        0, indices, filter_id=1, palette=bytes([2]) + v.fmt.tpixel(RED) + v.fmt.tpixel(GREEN) + v.fmt.tpixel(BLUE))),
        'bad-encoding-data', 'Tight rectangle 4x4+0+0: palette index 3 with 3 colours')
    v.write()

    v = Vector('tight', 'inflates-beyond', 'Tight data inflating to more than the rectangle\'s rows (a zlib '
               'bomb) is refused as it inflates.', DEFAULT_FORMAT, [TIGHT], 4, 4)
    packed = flushed(zlib_stream(), bytes(100000))
    v.send_bad(update(rect_header(0, 0, 4, 4, TIGHT) + b'\x00' + compact(len(packed)) + packed),
               'bad-compressed-data', 'Tight rectangle 4x4+0+0: the data inflates beyond the 48 bytes its rows '
               'take')
    v.write()

    v = Vector('tight', 'inflates-short', 'Tight data inflating to fewer bytes than the rectangle\'s rows.',
               DEFAULT_FORMAT, [TIGHT], 4, 4)
    packed = flushed(zlib_stream(), bytes(40))
    v.send_bad(update(rect_header(0, 0, 4, 4, TIGHT) + b'\x00' + compact(len(packed)) + packed),
               'bad-encoding-data', 'Tight rectangle 4x4+0+0: the data inflates to 40 of the 48 bytes its rows '
               'take')
    v.write()

    v = Vector('tight', 'length-over-bound', 'A Tight compressed length larger than the rows could ever need.',
               DEFAULT_FORMAT, [TIGHT], 4, 4)
    v.send_bad(update(rect_header(0, 0, 4, 4, TIGHT) + b'\x00' + compact(0x3fffff)),
               'bad-encoding-data', 'Tight rectangle 4x4+0+0: claims 4194303 compressed bytes; its 48 bytes of '
               'rows can take at most 1072')
    v.write()

    v = Vector('tight', 'not-zlib', 'Tight data that is not zlib.', DEFAULT_FORMAT, [TIGHT], 4, 4)
    v.send_bad(update(rect_header(0, 0, 4, 4, TIGHT) + b'\x20' + compact(4) + bytes.fromhex('12345678')),
               'bad-compressed-data', 'Tight stream 2 data is not valid zlib')
    v.write()


def tightpng_vectors():
    with open(os.path.join(IMAGES, 'pixels-4x2.png'), 'rb') as image:
        png = image.read()
    pixels = [[RED, GREEN, BLUE, WHITE], [BLACK, GREY, 0x123456, 0xFEDCBA]]
    for name in ('xrgb-le', 'rgb565-le'):
        v = Vector('tightpng', 'png-' + name, 'A TightPNG PNG image in %s: lossless, so exact.' % name, name,
                   [TIGHT_PNG], 5, 3)
        v.send_update(update(rect_header(1, 1, 4, 2, TIGHT_PNG) + b'\xa0' + compact(len(png)) + png))
        v.screen.put(1, 1, 4, pixels)
        v.write()

    v = Vector('tightpng', 'fill', 'A TightPNG fill.', DEFAULT_FORMAT, [TIGHT_PNG], 2, 2)
    v.send_update(update(rect_header(0, 0, 2, 2, TIGHT_PNG) + b'\x80' + v.fmt.tpixel(MAGENTA)))
    v.screen.fill(0, 0, 2, 2, MAGENTA)
    v.write()

    v = Vector('tightpng', 'png-wrong-size', 'A TightPNG PNG of another size than its rectangle is refused.',
               DEFAULT_FORMAT, [TIGHT_PNG], 5, 3)
    v.send_bad(update(rect_header(0, 0, 4, 1, TIGHT_PNG) + b'\xa0' + compact(len(png)) + png),
               'bad-encoding-data', 'TightPNG rectangle 4x1+0+0: the PNG image is 4x2')
    v.write()

    v = Vector('tightpng', 'not-png', 'TightPNG PNG data that is no PNG image is refused.', DEFAULT_FORMAT,
               [TIGHT_PNG], 5, 3)
    v.send_bad(update(rect_header(0, 0, 4, 2, TIGHT_PNG) + b'\xa0' + compact(4) + bytes.fromhex('ffd8ffe0')),
               'bad-encoding-data', 'TightPNG rectangle 4x2+0+0: the data is not a PNG image')
    v.write()


# -------------------------------------------------------------------------------------------------- cursors

X_CURSOR, CURSOR_WITH_ALPHA = -240, -314


def cursor_event(w, h, hot_x, hot_y, argb_rows):
    return {'type': 'cursor', 'width': w, 'height': h, 'hotX': hot_x, 'hotY': hot_y,
            'pixels': [' '.join('%08x' % p for p in row) for row in argb_rows]}


def bits(row):
    out = b''
    for at in range(0, len(row), 8):
        byte = 0
        for i, on in enumerate(row[at:at + 8]):
            byte |= (0x80 >> i) if on else 0
        out += bytes([byte])
    return out


def unpremultiply(channel, alpha):
    return 0 if alpha == 0 else min(255, (channel * 255 + alpha // 2) // alpha)


def cursor_vectors():
    fg, bg = 0x102030, 0xf0e0d0
    shape = ['1100x', '10.1x', 'x..xx']  # 1: foreground, 0: background, '.': background masked out, x: fg masked out
    w, h = 5, 3
    bitmap = b''.join(bits([c in '1x' for c in row]) for row in shape)
    mask = b''.join(bits([c in '10' for c in row]) for row in shape)
    rows = [[(0xff000000 if c in '10' else 0) | (fg if c in '1x' else bg) for c in row] for row in shape]
    v = Vector('cursor', 'xcursor', 'An XCursor: two colours, a bitmap choosing between them and a mask, rows padded to '
               'bytes.', DEFAULT_FORMAT, [RAW, X_CURSOR], 2, 2)
    v.send_update(update(rect_header(4, 1, w, h, X_CURSOR) + fg.to_bytes(3, 'big') + bg.to_bytes(3, 'big')
                         + bitmap + mask))
    v.events.insert(-1, cursor_event(w, h, 4, 1, rows))
    v.write()

    v = Vector('cursor', 'xcursor-empty', 'An empty XCursor hides the pointer and has no colours.', DEFAULT_FORMAT,
               [RAW, X_CURSOR], 2, 2)
    v.send_update(update(rect_header(0, 0, 0, 0, X_CURSOR)))
    v.events.insert(-1, cursor_event(0, 0, 0, 0, []))
    v.write()

    v = Vector('cursor', 'xcursor-hotspot-outside', 'An XCursor whose hotspot lies outside it is refused.',
               DEFAULT_FORMAT, [RAW, X_CURSOR], 2, 2)
    v.send_bad(update(rect_header(5, 0, w, h, X_CURSOR)), 'bad-cursor',
               'cursor hotspot 5,0 lies outside the 5x3 cursor')
    v.write()

    premultiplied = [[(0x40, 0x20, 0x00, 0x80), (0xff, 0xff, 0xff, 0xff), (0, 0, 0, 0)],
                     [(0x10, 0x10, 0x10, 0x20), (0x00, 0x00, 0x7f, 0x7f), (0x33, 0x66, 0x99, 0xff)]]
    body = b''.join(bytes((b, g, r, a)) for row in premultiplied for (r, g, b, a) in row)
    rows = [[a << 24 | unpremultiply(r, a) << 16 | unpremultiply(g, a) << 8 | unpremultiply(b, a)
             for (r, g, b, a) in row] for row in premultiplied]
    v = Vector('cursor', 'with-alpha', 'A CursorWithAlpha in Raw: four bytes a pixel, blue, green, red and '
               'premultiplied alpha, shown with straight alpha.', DEFAULT_FORMAT, [RAW, CURSOR_WITH_ALPHA], 2, 2)
    v.send_update(update(rect_header(1, 1, 3, 2, CURSOR_WITH_ALPHA) + s32(RAW) + body))
    v.events.insert(-1, cursor_event(3, 2, 1, 1, rows))
    v.write()

    v = Vector('cursor', 'with-alpha-not-raw', 'A CursorWithAlpha in another encoding than Raw is refused.',
               DEFAULT_FORMAT, [RAW, CURSOR_WITH_ALPHA], 2, 2)
    v.send_bad(update(rect_header(0, 0, 2, 2, CURSOR_WITH_ALPHA) + s32(ZRLE)), 'bad-cursor',
               'a CursorWithAlpha in ZRLE (16); servers send it in Raw, the only encoding taken for it')
    v.write()

    v = Vector('cursor', 'with-alpha-too-large', 'A CursorWithAlpha larger than 256x256 is refused before its body.',
               DEFAULT_FORMAT, [RAW, CURSOR_WITH_ALPHA], 2, 2)
    v.send_bad(update(rect_header(0, 0, 257, 2, CURSOR_WITH_ALPHA)), 'bad-cursor',
               'cursor 257x2 is larger than 256x256')
    v.write()


if __name__ == '__main__':
    rre_vectors()
    hextile_vectors()
    zlib_vectors()
    tight_vectors()
    tightpng_vectors()
    cursor_vectors()
