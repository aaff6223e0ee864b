#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the continuous-updates and desktop-size vector groups: every rule of ../EXTENSIONS.md, hostile
messages included, against a 4x4 session (python3 protocol-tests/tools/extension_vectors.py)."""
import json
import os
import struct

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vectors')
BASE = [1, 0, -239, -223, -224]
CU = BASE + [-312, -313]
EDS = BASE + [-308]
CONNECTED = {'type': 'connected', 'width': 4, 'height': 4, 'name': 'test'}
UPDATE = {'type': 'update'}
BLACK_ROW = ' '.join(['000000'] * 4)


def h(data):
    return data.hex()


def set_encodings(encodings):
    return struct.pack('>BBH', 2, 0, len(encodings)) + b''.join(struct.pack('>i', e) for e in encodings)


def fbur(incremental, w, hgt):
    return struct.pack('>BBHHHH', 3, 1 if incremental else 0, 0, 0, w, hgt)


def ready(encodings):
    init = bytes.fromhex('0004 0004 20 18 00 01 00ff 00ff 00ff 10 08 00 000000 00000004 74657374'.replace(' ', ''))
    pixel_format = bytes.fromhex('00 000000 20 18 00 01 00ff 00ff 00ff 10 08 00 000000'.replace(' ', ''))
    return [
        {'server': '524642203030332e3030380a'}, {'client': '524642203030332e3030380a'},
        {'server': '0101'}, {'client': '01'}, {'server': '00000000'}, {'client': '01'},
        {'server': h(init)}, {'client': h(pixel_format + set_encodings(encodings) + fbur(False, 4, 4))},
    ]


def fence(flags, payload):
    return struct.pack('>B3xIB', 248, flags & 0xFFFFFFFF, len(payload)) + payload


def enable_cu(w, hgt):
    return struct.pack('>BBHHHH', 150, 1, 0, 0, w, hgt)


EOCU = bytes([150])


def update(*rects):
    return struct.pack('>BBH', 0, 0, len(rects)) + b''.join(rects)


def raw(x, y, rgb):
    return struct.pack('>HHHHi', x, y, 1, 1, 0) + bytes([rgb & 0xFF, rgb >> 8 & 0xFF, rgb >> 16 & 0xFF, 0])


def desktop_size(w, hgt):
    return struct.pack('>HHHHi', 0, 0, w, hgt, -223)


def eds(reason, status, w, hgt, screens):
    body = struct.pack('>B3x', len(screens)) + b''.join(struct.pack('>IHHHHI', *s) for s in screens)
    return struct.pack('>HHHHi', reason, status, w, hgt, -308) + body


def set_desktop_size(w, hgt, screens):
    return struct.pack('>BxHHBx', 251, w, hgt, len(screens)) + b''.join(struct.pack('>IHHHHI', *s) for s in screens)


def probe(n):
    return fence(0x80000000, struct.pack('>I', n))


def write(group, name, about, encodings, script, events, error=None, framebuffer=None):
    vector = {'about': about, 'client': {'encodings': encodings}, 'script': ready(encodings) + script,
              'expect': {'events': events}}
    if error:
        vector['expect']['error'] = {'code': error[0], 'message': error[1]}
    if framebuffer:
        vector['expect']['framebuffer'] = framebuffer
    os.makedirs(os.path.join(ROOT, group), exist_ok=True)
    with open(os.path.join(ROOT, group, name + '.json'), 'w') as f:
        json.dump(vector, f, indent=2)
        f.write('\n')


def negotiated():
    return [{'server': h(fence(0x80000000, b'\x00') + EOCU)},
            {'client': h(fence(0, b'\x00') + enable_cu(4, 4))}]


def continuous_updates():
    g = 'continuous-updates'
    write(g, 'negotiated', 'A Fence request and EndOfContinuousUpdates turn continuous mode on: updates then come '
          'unasked, each followed by a probe while none is outstanding, and the probe\'s answer frees the next.', CU,
          negotiated() + [
              {'server': h(update(raw(0, 0, 0xff0000)))}, {'client': h(probe(1))},
              {'server': h(update(raw(1, 0, 0x00ff00)))}, {'client': ''},
              {'server': h(fence(0, struct.pack('>I', 1)))}, {'client': ''},
              {'server': h(update(raw(2, 0, 0x0000ff)))}, {'client': h(probe(2))},
          ], [CONNECTED, UPDATE, UPDATE, UPDATE],
          framebuffer={'width': 4, 'height': 4, 'rows': ['ff0000 00ff00 0000ff 000000'] + [BLACK_ROW] * 3})
    write(g, 'end-before-fence', 'EndOfContinuousUpdates may come first: continuous mode starts once the Fence is '
          'answered too, with the request\'s known flags kept.', CU, [
              {'server': h(EOCU)}, {'client': ''},
              {'server': h(fence(0x80000001, b'ab'))}, {'client': h(fence(1, b'ab') + enable_cu(4, 4))},
              {'server': h(update())}, {'client': h(probe(1))},
          ], [CONNECTED, UPDATE])
    write(g, 'unknown-flags-cleared', 'A Fence answer carries the request\'s BlockBefore, BlockAfter and SyncNext '
          'and none of the bits this client does not know.', CU, [
              {'server': h(fence(0xFFFFFFFF, b'\x01\x02'))}, {'client': h(fence(7, b'\x01\x02'))},
          ], [CONNECTED])
    write(g, 'payload-64', 'A Fence payload of 64 bytes, the most the message allows, is answered whole.', CU, [
              {'server': h(fence(0x80000000, bytes(range(64))))}, {'client': h(fence(0, bytes(range(64))))},
          ], [CONNECTED])
    write(g, 'payload-65', 'A Fence payload of 65 bytes breaks the message.', CU, [
              {'server': h(fence(0x80000000, bytes(65)))},
          ], [CONNECTED], error=('bad-message', 'protocol error: Fence payload of 65 bytes is over the 64 the message '
                                 'allows'))
    write(g, 'answer-to-nothing-ignored', 'A Fence without Request that answers no probe of this client is '
          'ignored, and does not start continuous mode alone.', CU, [
              {'server': h(fence(0, b'zz'))}, {'client': ''},
              {'server': h(update())}, {'client': h(fbur(True, 4, 4))},
          ], [CONNECTED, UPDATE])
    write(g, 'fence-only', 'A server with fences but without EndOfContinuousUpdates keeps one request per update.',
          CU, [
              {'server': h(fence(0x80000004, b''))}, {'client': h(fence(4, b''))},
              {'server': h(update(raw(0, 0, 0x101010)))}, {'client': h(fbur(True, 4, 4))},
          ], [CONNECTED, UPDATE])
    write(g, 'ended-by-server', 'An EndOfContinuousUpdates while on ends continuous mode: a request at once, one per '
          'update after it, and a later EndOfContinuousUpdates does not turn it on again.', CU, negotiated() + [
              {'server': h(update())}, {'client': h(probe(1))},
              {'server': h(EOCU)}, {'client': h(fbur(True, 4, 4))},
              {'server': h(update())}, {'client': h(fbur(True, 4, 4))},
              {'server': h(EOCU + fence(0x80000000, b''))}, {'client': h(fence(0, b''))},
              {'server': h(update())}, {'client': h(fbur(True, 4, 4))},
          ], [CONNECTED, UPDATE, UPDATE, UPDATE])
    write(g, 'refresh', 'In continuous mode a refresh still asks for the whole framebuffer.', CU, negotiated() + [
              {'server': h(update())}, {'client': h(probe(1))},
              {'do': 'refresh'}, {'client': h(fbur(False, 4, 4))},
          ], [CONNECTED, UPDATE])
    write(g, 'resize', 'In continuous mode an update that resized the framebuffer is followed by '
          'EnableContinuousUpdates for the new one and a request for all of it.', CU, negotiated() + [
              {'server': h(update(desktop_size(3, 2)))},
              {'client': h(enable_cu(3, 2) + fbur(False, 3, 2) + probe(1))},
          ], [CONNECTED, {'type': 'resize', 'width': 3, 'height': 2}, UPDATE])
    for message_type in (150, 248):
        write(g, 'type-%d-not-announced' % message_type, 'Without ContinuousUpdates and Fence announced, message '
              'type %d is unknown.' % message_type, BASE, [
                  {'server': h(bytes([message_type]) + bytes(9))},
              ], [CONNECTED], error=('unknown-message', 'protocol error: unknown server message type %d'
                                     % message_type))


SCREEN = (0x11223344, 0, 0, 4, 4, 0)


def supported(screens=(SCREEN,)):
    return [{'server': h(update(eds(0, 0, 4, 4, list(screens))))}, {'client': h(fbur(True, 4, 4))}]


def desktop_size_group():
    g = 'desktop-size'
    write(g, 'held-until-supported', 'A size asked for before the server showed it takes SetDesktopSize is sent at '
          'the end of the update that shows it; the answer resizes the framebuffer.', EDS, [
              {'do': 'resize', 'width': 8, 'height': 6}, {'client': ''},
              {'server': h(update(eds(0, 0, 4, 4, [SCREEN])))},
              {'client': h(set_desktop_size(8, 6, [(0x11223344, 0, 0, 8, 6, 0)]) + fbur(True, 4, 4))},
              {'server': h(update(eds(1, 0, 8, 6, [(0x11223344, 0, 0, 8, 6, 0)])))},
              {'client': h(fbur(False, 8, 6))},
          ], [CONNECTED, UPDATE, {'type': 'resize', 'width': 8, 'height': 6}, UPDATE],
          framebuffer={'width': 8, 'height': 6, 'rows': [' '.join(['000000'] * 8)] * 6})
    write(g, 'latest-while-outstanding', 'While a request is unanswered only the latest size is kept, and sent '
          'after the answer.', EDS, supported() + [
              {'do': 'resize', 'width': 5, 'height': 5},
              {'client': h(set_desktop_size(5, 5, [(0x11223344, 0, 0, 5, 5, 0)]))},
              {'do': 'resize', 'width': 7, 'height': 7}, {'do': 'resize', 'width': 6, 'height': 6}, {'client': ''},
              {'server': h(update(eds(1, 0, 5, 5, [(0x11223344, 0, 0, 5, 5, 0)])))},
              {'client': h(set_desktop_size(6, 6, [(0x11223344, 0, 0, 6, 6, 0)]) + fbur(False, 5, 5))},
          ], [CONNECTED, UPDATE, {'type': 'resize', 'width': 5, 'height': 5}, UPDATE])
    write(g, 'same-size', 'Asking for the size the framebuffer has sends nothing.', EDS, supported() + [
              {'do': 'resize', 'width': 4, 'height': 4}, {'client': ''},
          ], [CONNECTED, UPDATE])
    write(g, 'clamped', 'A size outside 1..16384 is clamped into it.', EDS, supported() + [
              {'do': 'resize', 'width': 0, 'height': 20000},
              {'client': h(set_desktop_size(1, 16384, [(0x11223344, 0, 0, 1, 16384, 0)]))},
          ], [CONNECTED, UPDATE])
    two = [(1, 0, 0, 2, 4, 5), (2, 2, 0, 2, 4, 6)]
    write(g, 'screens-clipped', 'With two screens each is clipped to the new size, ids and flags kept.', EDS,
          supported(two) + [
              {'do': 'resize', 'width': 3, 'height': 2},
              {'client': h(set_desktop_size(3, 2, [(1, 0, 0, 2, 2, 5), (2, 2, 0, 1, 2, 6)]))},
          ], [CONNECTED, UPDATE])
    write(g, 'screen-dropped', 'A screen the new size leaves empty is dropped.', EDS, supported(two) + [
              {'do': 'resize', 'width': 2, 'height': 3},
              {'client': h(set_desktop_size(2, 3, [(1, 0, 0, 2, 3, 5)]))},
          ], [CONNECTED, UPDATE])
    script = supported()
    events = [CONNECTED, UPDATE]
    for size, status, words in ((5, 1, 'the server does not allow resizing the desktop'),
                                (6, 2, 'the server is out of resources for that size'),
                                (7, 3, 'the server says the screen layout is invalid'),
                                (8, 7, 'the server refused the size (status 7)')):
        script += [{'do': 'resize', 'width': size, 'height': size},
                   {'client': h(set_desktop_size(size, size, [(0x11223344, 0, 0, size, size, 0)]))},
                   {'server': h(update(eds(1, status, 4, 4, [SCREEN])))}, {'client': h(fbur(True, 4, 4))}]
        events += [{'type': 'resize-refused', 'message': words}, UPDATE]
    write(g, 'refused', 'A refusal of this client\'s request changes nothing and says why, for each status.', EDS,
          script, events)
    write(g, 'other-client-refused', 'A refusal answering another client changes nothing and says nothing.', EDS,
          supported() + [{'server': h(update(eds(2, 1, 4, 4, [SCREEN])))}, {'client': h(fbur(True, 4, 4))}],
          [CONNECTED, UPDATE, UPDATE])
    write(g, 'no-screens', 'A layout applied without screens breaks the message.', EDS, [
              {'server': h(update(eds(0, 0, 4, 4, [])))},
          ], [CONNECTED], error=('bad-message', 'protocol error: ExtendedDesktopSize with no screens'))
    write(g, 'screen-outside', 'A screen outside the framebuffer breaks the layout.', EDS, [
              {'server': h(update(eds(0, 0, 4, 4, [(1, 0, 0, 2, 4, 0), (7, 2, 0, 3, 4, 0)])))},
          ], [CONNECTED], error=('rect-out-of-bounds', 'protocol error: ExtendedDesktopSize screen 2 of 2 (id 7) at '
                                 '2,0 3x4 lies outside the 4x4 framebuffer'))
    write(g, 'bad-size', 'An ExtendedDesktopSize of 0x4 is no framebuffer size.', EDS, [
              {'server': h(update(eds(0, 0, 0, 4, [SCREEN])))},
          ], [CONNECTED], error=('bad-framebuffer-size', 'protocol error: ExtendedDesktopSize 0x4 is outside '
                                 '1x1..16384x16384'))
    write(g, 'server-resize', 'A resize by the server (reason 0) resizes the framebuffer and takes its layout.', EDS, [
              {'server': h(update(eds(0, 0, 3, 2, [(9, 0, 0, 3, 2, 0)])))}, {'client': h(fbur(False, 3, 2))},
              {'do': 'resize', 'width': 4, 'height': 4},
              {'client': h(set_desktop_size(4, 4, [(9, 0, 0, 4, 4, 0)]))},
          ], [CONNECTED, {'type': 'resize', 'width': 3, 'height': 2}, UPDATE])



def continuous_updates_more():
    g = 'continuous-updates'
    write(g, 'wrong-answer-ignored', 'A Fence without Request whose payload is not the outstanding probe\'s (another '
          'number, or the right one with a byte more) is ignored: the probe stays outstanding until its own answer.',
          CU, negotiated() + [
              {'server': h(update())}, {'client': h(probe(1))},
              {'server': h(fence(0, struct.pack('>I', 2)) + fence(0, struct.pack('>I', 1) + b'\x00'))},
              {'client': ''},
              {'server': h(update())}, {'client': ''},
              {'server': h(fence(0, struct.pack('>I', 1)) + update())}, {'client': h(probe(2))},
          ], [CONNECTED, UPDATE, UPDATE, UPDATE])
    write(g, 'non-request-fence-counts', 'A Fence without Request shows that the server has fences as well as one '
          'with it: with EndOfContinuousUpdates it turns continuous mode on, and it is not answered.', CU, [
              {'server': h(fence(0, b'q') + EOCU)}, {'client': h(enable_cu(4, 4))},
              {'server': h(update())}, {'client': h(probe(1))},
          ], [CONNECTED, UPDATE])
    write(g, 'ended-while-requested', 'An EndOfContinuousUpdates while a request (a refresh) is outstanding sends '
          'no second one; the answer to that request is followed by the next.', CU, negotiated() + [
              {'server': h(update())}, {'client': h(probe(1))},
              {'do': 'refresh'}, {'client': h(fbur(False, 4, 4))},
              {'server': h(EOCU)}, {'client': ''},
              {'server': h(update())}, {'client': h(fbur(True, 4, 4))},
          ], [CONNECTED, UPDATE, UPDATE])
    write(g, 'fence-announced-alone', 'With Fence announced and ContinuousUpdates not, fences are answered but '
          'message type 150 is unknown.', BASE + [-312], [
              {'server': h(fence(0x80000002, b'f'))}, {'client': h(fence(2, b'f'))},
              {'server': h(EOCU)},
          ], [CONNECTED], error=('unknown-message', 'protocol error: unknown server message type 150'))
    write(g, 'continuous-announced-alone', 'With ContinuousUpdates announced and Fence not, an '
          'EndOfContinuousUpdates turns nothing on and message type 248 is unknown.', BASE + [-313], [
              {'server': h(EOCU + update())}, {'client': h(fbur(True, 4, 4))},
              {'server': h(fence(0x80000000, b''))},
          ], [CONNECTED, UPDATE], error=('unknown-message', 'protocol error: unknown server message type 248'))
    resized = {'type': 'resize', 'width': 3, 'height': 2}
    write(g, 'extended-resize', 'In continuous mode a resize by ExtendedDesktopSize is followed, as one by '
          'DesktopSize, by EnableContinuousUpdates and a request for the whole new framebuffer.', CU + [-308],
          negotiated() + [
              {'server': h(update(eds(0, 0, 3, 2, [(9, 0, 0, 3, 2, 0)])))},
              {'client': h(enable_cu(3, 2) + fbur(False, 3, 2) + probe(1))},
          ], [CONNECTED, resized, UPDATE], framebuffer={'width': 3, 'height': 2, 'rows': ['000000 000000 000000'] * 2})
    write(g, 'update-end-order', 'At the end of an update the client sends SetDesktopSize, then '
          'EnableContinuousUpdates and the request, then a probe; while that probe is outstanding no other goes.',
          CU + [-308], [
              {'do': 'resize', 'width': 8, 'height': 6}, {'client': ''},
              {'server': h(fence(0x80000000, b'x') + EOCU)}, {'client': h(fence(0, b'x') + enable_cu(4, 4))},
              {'server': h(update(eds(0, 0, 3, 2, [(9, 0, 0, 3, 2, 0)])))},
              {'client': h(set_desktop_size(8, 6, [(9, 0, 0, 8, 6, 0)]) + enable_cu(3, 2) + fbur(False, 3, 2)
                           + probe(1))},
              {'server': h(update(eds(1, 0, 8, 6, [(9, 0, 0, 8, 6, 0)])))},
              {'client': h(enable_cu(8, 6) + fbur(False, 8, 6))},
              {'server': h(fence(0, struct.pack('>I', 1)) + update())}, {'client': h(probe(2))},
          ], [CONNECTED, resized, UPDATE, {'type': 'resize', 'width': 8, 'height': 6}, UPDATE, UPDATE],
          framebuffer={'width': 8, 'height': 6, 'rows': [' '.join(['000000'] * 8)] * 6})


def desktop_size_more():
    g = 'desktop-size'
    write(g, 'not-announced', 'Without ExtendedDesktopSize announced, its rectangle is in an encoding this client '
          'did not ask for.', BASE, [
              {'server': h(update(eds(0, 0, 4, 4, [SCREEN])))},
          ], [CONNECTED], error=('unknown-encoding', 'protocol error: rectangle 1 of a FramebufferUpdate uses '
                                 'encoding ExtendedDesktopSize (-308), which this client did not ask for'))
    write(g, 'refusal-shows-support', 'The first ExtendedDesktopSize shows support whatever its reason and status: '
          'a size kept since before is sent at the end of its update, as one screen of id 0, since a refusal '
          'applies no layout.', EDS, [
              {'do': 'resize', 'width': 5, 'height': 5}, {'client': ''},
              {'server': h(update(eds(2, 1, 4, 4, [SCREEN])))},
              {'client': h(set_desktop_size(5, 5, [(0, 0, 0, 5, 5, 0)]) + fbur(True, 4, 4))},
          ], [CONNECTED, UPDATE])
    corners = [(1, 2, 0, 2, 2, 5), (2, 0, 2, 2, 2, 6)]
    write(g, 'screens-all-dropped', 'When the new size leaves every screen empty, the first screen (its id and '
          'flags) takes the whole of it.', EDS, supported(corners) + [
              {'do': 'resize', 'width': 2, 'height': 2},
              {'client': h(set_desktop_size(2, 2, [(1, 0, 0, 2, 2, 5)]))},
          ], [CONNECTED, UPDATE])
    two = [(1, 0, 0, 2, 4, 5), (2, 2, 0, 2, 4, 6)]
    write(g, 'layout-without-resize', 'A layout of the framebuffer\'s own size replaces the screens without a '
          'resize, and the next size asked for starts from it.', EDS, supported() + [
              {'server': h(update(eds(0, 0, 4, 4, two)))}, {'client': h(fbur(True, 4, 4))},
              {'do': 'resize', 'width': 3, 'height': 2},
              {'client': h(set_desktop_size(3, 2, [(1, 0, 0, 2, 2, 5), (2, 2, 0, 1, 2, 6)]))},
          ], [CONNECTED, UPDATE, UPDATE])
    write(g, 'latest-is-the-answer', 'A size kept while a request is unanswered is compared with the framebuffer '
          'when it is due: if the answer already made it that size, nothing more is sent.', EDS, supported() + [
              {'do': 'resize', 'width': 5, 'height': 5},
              {'client': h(set_desktop_size(5, 5, [(0x11223344, 0, 0, 5, 5, 0)]))},
              {'do': 'resize', 'width': 6, 'height': 6}, {'do': 'resize', 'width': 5, 'height': 5}, {'client': ''},
              {'server': h(update(eds(1, 0, 5, 5, [(0x11223344, 0, 0, 5, 5, 0)])))},
              {'client': h(fbur(False, 5, 5))},
          ], [CONNECTED, UPDATE, {'type': 'resize', 'width': 5, 'height': 5}, UPDATE])
    write(g, 'refused-without-screens', 'A refusal may list no screens: only a layout that is applied needs one.',
          EDS, supported() + [
              {'do': 'resize', 'width': 5, 'height': 5},
              {'client': h(set_desktop_size(5, 5, [(0x11223344, 0, 0, 5, 5, 0)]))},
              {'server': h(update(eds(1, 3, 4, 4, [])))}, {'client': h(fbur(True, 4, 4))},
          ], [CONNECTED, UPDATE, {'type': 'resize-refused', 'message': 'the server says the screen layout is invalid'},
              UPDATE])
    write(g, 'empty-screen', 'A screen of no width in an applied layout does not lie inside the framebuffer.', EDS, [
              {'server': h(update(eds(0, 0, 4, 4, [(3, 1, 1, 0, 2, 0)])))},
          ], [CONNECTED], error=('rect-out-of-bounds', 'protocol error: ExtendedDesktopSize screen 1 of 1 (id 3) at '
                                 '1,1 0x2 lies outside the 4x4 framebuffer'))


if __name__ == '__main__':
    continuous_updates()
    desktop_size_group()
    continuous_updates_more()
    desktop_size_more()
