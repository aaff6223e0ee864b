#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the clipboard, keyboard and session vector groups: every rule of ../EXTENSIONS.md's extended
clipboard, QEMU key event, LED state, desktop name and XVP sections, hostile messages included, against a 4x4
session (python3 protocol-tests/tools/session_vectors.py)."""
import struct
import zlib

from extension_vectors import BASE, CONNECTED, UPDATE, fbur, h, update, write

CLIPBOARD = -1063131698
CB = BASE + [CLIPBOARD]
KEYS = BASE + [-258, -261]
NAMES = BASE + [-307, -309]
LIMIT = 262144
TEXT, CAPS, REQUEST, PEEK, NOTIFY, PROVIDE = 0x1, 0x01000000, 0x02000000, 0x04000000, 0x08000000, 0x10000000
ALL_ACTIONS = CAPS | REQUEST | PEEK | NOTIFY | PROVIDE


def server_extended(flags, data=b''):
    body = struct.pack('>I', flags) + data
    return struct.pack('>B3xi', 3, -len(body)) + body


def client_extended(flags, data=b''):
    body = struct.pack('>I', flags) + data
    return struct.pack('>B3xi', 6, -len(body)) + body


def caps(flags, *sizes):
    return server_extended(flags, b''.join(struct.pack('>I', s) for s in sizes))


def client_caps(limit=LIMIT):
    return client_extended(ALL_ACTIONS | TEXT, struct.pack('>I', limit))


def provide(text_bytes, extra=b''):
    return server_extended(PROVIDE | TEXT, zlib.compress(struct.pack('>I', len(text_bytes)) + text_bytes + extra))


def client_provide(text):
    data = (text.replace('\r\n', '\n').replace('\n', '\r\n') + '\0').encode('utf-8')
    return {'provide': {'flags': '%08x' % (PROVIDE | TEXT), 'inflated': h(struct.pack('>I', len(data)) + data)}}


def server_caps(actions=ALL_ACTIONS, size=LIMIT):
    return caps(actions | TEXT, size)


def on(actions=ALL_ACTIONS, size=LIMIT, limit=LIMIT):
    return [{'server': h(server_caps(actions, size))}, {'client': h(client_caps(limit))}]


def clip(text):
    return {'type': 'clipboard', 'text': text}


def dropped(message):
    return {'type': 'clipboard-dropped', 'message': message}


def cb(name, about, script, events, error=None, limit=None):
    write('clipboard', name, about, CB, script, events, error=error)
    if limit is not None:
        add_client_option('clipboard', name, 'maxCutTextBytes', limit)


def add_client_option(group, name, key, value):
    import json
    import os
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'vectors', group, name + '.json')
    with open(path) as f:
        vector = json.load(f)
    vector['client'][key] = value
    with open(path, 'w') as f:
        json.dump(vector, f, indent=2)
        f.write('\n')


def clipboard():
    utf8 = 'Grüße, 東京, 🙂'
    cb('caps-answered', 'The server\'s caps turn the extended clipboard on; the client answers with its own: all '
       'five actions, text only, its limit.', on(), [CONNECTED])
    cb('notify-request-provide', 'A notify with text is answered by a request; the provide that follows is '
       'inflated to UTF-8 text, its NUL removed and its CRLF made LF.', on() + [
        {'server': h(server_extended(NOTIFY | TEXT))}, {'client': h(client_extended(REQUEST | TEXT))},
        {'server': h(provide((utf8 + '\r\nzwei\0').encode('utf-8')))}, {'client': ''},
    ], [CONNECTED, clip(utf8 + '\nzwei')])
    cb('notify-without-text', 'A notify without the text bit (the server\'s clipboard holds no text) asks for '
       'nothing.', on() + [{'server': h(server_extended(NOTIFY | 0x4))}, {'client': ''}], [CONNECTED])
    cb('provide-unasked', 'A provide may come unasked; formats after the text are not read.', on() + [
        {'server': h(provide(b'hi\0', struct.pack('>I', 3) + b'rtf'))}, {'client': ''},
    ], [CONNECTED, clip('hi')])
    cb('provide-without-nul', 'Text without its terminating NUL is taken as it is.', on() + [
        {'server': h(provide(b'abc'))}], [CONNECTED, clip('abc')])
    cb('provide-no-text-skipped', 'A provide without the text bit is skipped unread, even if its data is not zlib.',
       on() + [{'server': h(server_extended(PROVIDE | 0x2, b'not zlib at all') + bytes([2]))}],
       [CONNECTED, {'type': 'bell'}])
    cb('provide-over-limit', 'A provided text longer than the viewer\'s limit is dropped, the user is told, and '
       'the rest of the zlib stream is not inflated.', on(limit=16) + [
        {'server': h(provide(b'A' * 17) + bytes([2]))}],
       [CONNECTED, dropped("the server's clipboard text of 17 bytes is over this viewer's limit of 16 bytes"),
        {'type': 'bell'}], limit=16)
    bomb = server_extended(PROVIDE | TEXT, zlib.compress(struct.pack('>I', 0x7FFFFFFF) + bytes(200000), 9))
    cb('zlib-bomb', 'A provide whose text length is 2 GiB, with data that inflates without end, is dropped at its '
       'length: nothing is inflated past it.', on() + [{'server': h(bomb) + '02'}],
       [CONNECTED, dropped("the server's clipboard text of 2147483647 bytes is over this viewer's limit of 262144 "
                           "bytes"), {'type': 'bell'}])
    cb('message-over-limit', 'An extended message longer than the limit plus 1024 is skipped as it streams past.',
       on(limit=8) + [{'server': h(server_extended(PROVIDE | TEXT, bytes(1029))) + '02'}],
       [CONNECTED, dropped("the server's clipboard message of 1033 bytes is over this viewer's limit of 1032 bytes"),
        {'type': 'bell'}], limit=8)
    cb('not-zlib', 'Provided text data that is not zlib ends the session.', on() + [
        {'server': h(server_extended(PROVIDE | TEXT, b'\x12\x34\x56\x78\x9a'))}], [CONNECTED],
       error=('bad-compressed-data', "protocol error: the server's clipboard data is not valid zlib"))
    cb('ends-inside-text', 'A zlib stream that ends before the text it announced ends the session.', on() + [
        {'server': h(server_extended(PROVIDE | TEXT, zlib.compress(struct.pack('>I', 10) + b'abc')))}], [CONNECTED],
       error=('bad-compressed-data', "protocol error: the server's clipboard data ends inside its text"))
    cb('not-utf8', 'Text that is not UTF-8 is dropped, and the session goes on.', on() + [
        {'server': h(provide(b'\xc0\xaf\0') + bytes([2]))}],
       [CONNECTED, dropped("the server's clipboard text is not UTF-8"), {'type': 'bell'}])
    cb('too-short', 'An extended message shorter than its flags ends the session.', on() + [
        {'server': '03 000000 fffffffe 0000'}], [CONNECTED],
       error=('bad-message', 'protocol error: ExtendedClipboard message of 2 bytes is shorter than its 4-byte flags'))
    cb('two-actions', 'Two actions in one message end the session.', on() + [
        {'server': h(server_extended(NOTIFY | PROVIDE | TEXT))}], [CONNECTED],
       error=('bad-message', 'protocol error: ExtendedClipboard message with actions 0x18000000: exactly one is '
              'allowed'))
    cb('no-action', 'A message without an action ends the session.', [
        {'server': h(server_extended(TEXT | 0x20000000))}], [CONNECTED],
       error=('bad-message', 'protocol error: ExtendedClipboard message with actions 0x00000000: exactly one is '
              'allowed'))
    cb('caps-too-short', 'Caps without the sizes of the formats they list end the session.', [
        {'server': h(caps(CAPS | TEXT | 0x2, 1000))}], [CONNECTED],
       error=('bad-message', 'protocol error: ExtendedClipboard caps of 8 bytes lists 2 formats, which need 12'))
    cb('caps-extra-ignored', 'Bytes after the sizes caps list are ignored, and so are formats the client does not '
       'use.', [{'server': h(server_extended(ALL_ACTIONS | TEXT | 0x4, struct.pack('>III', 5000, 6000, 7)))},
                {'client': h(client_caps())}], [CONNECTED])
    cb('send-notify-then-provide', 'With the extended clipboard on, text is offered with notify and provided, UTF-8 '
       'with CRLF and NUL, when the server asks.', on() + [
        {'do': 'clipboard', 'text': utf8 + '\nzwei'}, {'client': h(client_extended(NOTIFY | TEXT))},
        {'server': h(server_extended(REQUEST | TEXT))}, {'client': [client_provide(utf8 + '\nzwei')]},
        {'server': h(server_extended(PEEK))}, {'client': h(client_extended(NOTIFY | TEXT))},
    ], [CONNECTED])
    cb('send-provide-without-notify', 'A server whose caps lack notify but have provide gets the text at once.',
       on(actions=CAPS | REQUEST | PROVIDE) + [
        {'do': 'clipboard', 'text': 'x\r\ny'}, {'client': [client_provide('x\ny')]}], [CONNECTED])
    cb('send-legacy-without-text-format', 'A server whose caps list no text format gets legacy Latin-1 cut text.', [
        {'server': h(caps(ALL_ACTIONS | 0x2, 100))}, {'client': h(client_caps())},
        {'do': 'clipboard', 'text': 'Grüße 東'}, {'client': '06 000000 00000007 4772fcdf65 20 3f'},
    ], [CONNECTED])
    cb('send-before-caps-legacy', 'Before the server\'s caps, text goes as legacy cut text even with the '
       'pseudo-encoding announced.', [
        {'do': 'clipboard', 'text': 'a'}, {'client': '06 000000 00000001 61'}], [CONNECTED])
    cb('send-over-server-limit', 'Text over the size the server\'s caps give is not offered, and the user is told.',
       on(size=5) + [{'do': 'clipboard', 'text': 'abcde'}, {'client': ''}],
       [CONNECTED, dropped("the clipboard text of 6 bytes is over the server's limit of 5 bytes")])
    cb('send-over-own-limit', 'Text over the viewer\'s own limit is not offered either.', on(limit=4) + [
        {'do': 'clipboard', 'text': 'abcd'}, {'client': ''}],
       [CONNECTED, dropped("the clipboard text of 5 bytes is over this viewer's limit of 4 bytes")], limit=4)
    cb('request-with-nothing-offered', 'A request before the client offered anything gets a provide of no formats, '
       'and a peek a notify of none.', on() + [
        {'server': h(server_extended(REQUEST | TEXT))},
        {'client': [{'provide': {'flags': '%08x' % PROVIDE, 'inflated': ''}}]},
        {'server': h(server_extended(PEEK))}, {'client': h(client_extended(NOTIFY))},
    ], [CONNECTED])
    cb('legacy-after-extended', 'Legacy cut text from the server is still Latin-1 after the extended clipboard is '
       'on.', on() + [{'server': '03 000000 00000003 e4 0d 0a'}], [CONNECTED, clip('ä\n')])
    write('clipboard', 'not-announced-4gib', 'Without the pseudo-encoding, a length of 0xfffffffe is a U32: skipped, '
          'not an extended message.', BASE, [{'server': '03 000000 fffffffe 0000'}, {'close': True}],
          [CONNECTED, dropped("the server's clipboard text of 4294967294 bytes is over this viewer's limit of 262144 "
                              "bytes")],
          error=('end-of-stream', 'the server closed the connection in a ServerCutText message (4294967292 bytes '
                 'missing)'))


def pseudo(encoding, body=b'', x=0, y=0, w=0, hgt=0):
    return struct.pack('>HHHHi', x, y, w, hgt, encoding) + body


def keyboard():
    g = 'keyboard'
    ext = pseudo(-258, x=9, y=9, w=100, hgt=100)
    write(g, 'extended-key-events', 'After the server\'s QEMUExtendedKeyEvent rectangle (whose position means '
          'nothing), a key with a scancode is sent as QEMU\'s message, one without as a KeyEvent.', KEYS, [
              {'do': 'key', 'keysym': 0x61, 'down': True, 'scancode': 0x1e}, {'client': '04 01 0000 00000061'},
              {'server': h(update(ext))}, {'client': h(fbur(True, 4, 4))},
              {'do': 'key', 'keysym': 0x61, 'down': True, 'scancode': 0x1e},
              {'client': 'ff 00 0001 00000061 0000001e'},
              {'do': 'key', 'keysym': 0xffe4, 'down': False, 'scancode': 0x9d},
              {'client': 'ff 00 0000 0000ffe4 0000009d'},
              {'do': 'key', 'keysym': 0x62, 'down': True}, {'client': '04 01 0000 00000062'},
          ], [CONNECTED, UPDATE])
    write(g, 'led-state', 'QEMULEDState rectangles give the lock keys\' state; bits above Caps Lock are ignored.',
          KEYS, [
              {'server': h(update(pseudo(-261, bytes([0x04]), 1, 1, 1, 1), pseudo(-261, bytes([0xfb]))))},
              {'client': h(fbur(True, 4, 4))},
          ], [CONNECTED, {'type': 'led-state', 'state': 4}, {'type': 'led-state', 'state': 3}, UPDATE])
    write(g, 'extended-key-not-announced', 'A QEMUExtendedKeyEvent rectangle the client did not announce is an '
          'unknown encoding.', BASE, [{'server': h(update(pseudo(-258)))}], [CONNECTED],
          error=('unknown-encoding', 'protocol error: rectangle 1 of a FramebufferUpdate uses encoding '
                 'QEMUExtendedKeyEvent (-258), which this client did not ask for'))


def session():
    g = 'session'
    write(g, 'desktop-name', 'A DesktopName rectangle renames the desktop, in UTF-8.', NAMES, [
        {'server': h(update(pseudo(-307, struct.pack('>I', 8) + 'Büro 1'.encode('utf-8') + b'!')))},
        {'client': h(fbur(True, 4, 4))},
    ], [CONNECTED, {'type': 'desktop-name', 'name': 'Büro 1!'}, UPDATE])
    write(g, 'desktop-name-too-long', 'A DesktopName over the name limit ends the session before it is read.',
          NAMES, [{'server': h(update(pseudo(-307, struct.pack('>I', 0x10001))))}], [CONNECTED],
          error=('length-over-limit', 'protocol error: desktop name of 65537 bytes exceeds the 65536-byte limit'))
    write(g, 'xvp', 'XVP init shows power actions; one is sent only after it; a failure is told; other codes and '
          'versions are ignored.', NAMES, [
              {'do': 'xvp', 'code': 3}, {'client': ''},
              {'server': 'fa 00 02 01  fa 00 01 07'}, {'client': ''},
              {'do': 'xvp', 'code': 3}, {'client': ''},
              {'server': 'fa 00 01 01'}, {'do': 'xvp', 'code': 3}, {'client': 'fa 00 01 03'},
              {'server': 'fa 00 01 00'},
          ], [CONNECTED, {'type': 'xvp', 'version': 1}, {'type': 'xvp-failed'}])
    write(g, 'message-encoding-as-rectangle', 'A rectangle in a pseudo-encoding that announces messages (here XVP) '
          'is broken even when announced.', NAMES, [{'server': h(update(pseudo(-309)))}], [CONNECTED],
          error=('unknown-encoding', 'protocol error: rectangle 1 of a FramebufferUpdate uses encoding xvp (-309), '
                 'which is no rectangle encoding'))
    write(g, 'xvp-not-announced', 'An XVP message the client did not announce is an unknown message.', BASE, [
        {'server': 'fa 00 01 01'}], [CONNECTED],
        error=('unknown-message', 'protocol error: unknown server message type 250'))


if __name__ == '__main__':
    clipboard()
    keyboard()
    session()
