// SPDX-License-Identifier: Apache-2.0

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/*
 * The two cores are twins: a concept has a file of the same name in both (server-message-reader.js
 * and ServerMessageReader.java), so a reader opens one and finds the other by name. This test holds
 * the layout to that. Where a file has no twin, the tables below say why; a new file on either side
 * needs a twin or a line here.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const JS_CORE = join(here, '../www/core');
const JAVA_CORE = join(here, '../../rfb-client/core/src/main/java/org/rfbridge/rfb');

/** JavaScript files whose twin has another name. */
const NAMED_DIFFERENTLY = new Map([
    ['errors.js', 'RfbException'],
    ['error-codes.js', 'ErrorCode'],
    ['memory-display.js', 'Framebuffer'],
]);

/** JavaScript files with no Java twin, and why. */
const ONLY_IN_JS = new Map([
    ['des.js', 'WebCrypto has no DES; the Java core uses the JDK\'s'],
    ['event-emitter.js', 'the page\'s event plumbing; Java calls a listener interface'],
    ['bounds.js', 'the canvas and memory displays\' shared rectangle check; Java\'s is in Framebuffer'],
    ['canvas-display.js', 'draws on a page\'s canvas; the JavaFX viewer\'s display is in its own module'],
    ['keyboard.js', 'DOM key events; the JavaFX viewer has its own translator'],
    ['pointer.js', 'DOM pointer events; the JavaFX viewer has its own translator'],
    ['touch.js', 'DOM touch gestures'],
    ['xt-scancodes.js', 'by KeyboardEvent.code; the JavaFX viewer\'s XtScancodes maps its own key codes'],
    ['lock-keys.js', 'reads the DOM event\'s lock state; JavaFX reports none to a viewer'],
    ['us-layout.js', 'typing as keys is the viewers\' own; the JavaFX viewer\'s UsLayout is its twin'],
]);

/** Java classes with no JavaScript twin, and why. */
const ONLY_IN_JAVA = new Map([
    ['RfbAuthenticationException', 'JS has one RfbError carrying the shared error code'],
    ['RfbConnectionRefusedException', 'JS has one RfbError carrying the shared error code'],
    ['RfbEndOfStreamException', 'JS has one RfbError carrying the shared error code'],
    ['RfbProtocolException', 'JS has one RfbError carrying the shared error code'],
    ['RfbTimeoutException', 'JS has one RfbError carrying the shared error code'],
    ['RfbTransportException', 'JS has one RfbError carrying the shared error code'],
    ['RfbUnsupportedSecurityException', 'JS has one RfbError carrying the shared error code'],
    ['CommandSupport', 'the command-line client'],
    ['InfoCommand', 'the command-line client'],
    ['RfbCli', 'the command-line client'],
    ['SessionOptions', 'the command-line client'],
    ['SnapshotCommand', 'the command-line client'],
    ['ClientOptions', 'JS takes a plain options object'],
    ['ConnectionOptions', 'JS takes a plain options object'],
    ['RfbClientListener', 'JS emits events'],
    ['ConnectionEvents', 'JS passes an object of optional callbacks'],
    ['ServerMessageHandler', 'JS passes an object of callbacks'],
    ['SessionInfo', 'JS passes a plain object'],
    ['Target', 'a page connects to its one proxy URL'],
    ['RectDecoder', 'an interface; JS decoders share the shape without one'],
    ['ImageDecoding', 'JS hands images to the display\'s drawImage (a browser decodes them off the page\'s thread); ' +
        'image-header.js has the shared checks and words'],
    ['PasswordProvider', 'a page asks through an event, as it cannot block'],
    ['ColourMap', 'kept in pixel-format.js'],
    ['CursorShape', 'JS passes a plain object'],
    ['PointerButtons', 'kept in pointer.js'],
    ['TcpTransport', 'a browser cannot open TCP'],
    ['Transport', 'an interface; websocket-transport.js documents the same shape'],
    ['package-info', 'Javadoc of a package'],
]);

function filesUnder(dir, suffix) {
    return readdirSync(dir, { recursive: true }).map(String).filter((path) => path.endsWith(suffix))
        .map((path) => basename(path, suffix));
}

/** The Java class a kebab-case file name stands for, as Java spells it (WebSocket, not Websocket). */
function javaName(jsName) {
    const pascal = jsName.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());
    return [...javaClasses].find((name) => name.toLowerCase() === pascal.toLowerCase()) ?? pascal;
}

const javaClasses = new Set(filesUnder(JAVA_CORE, '.java'));
const jsFiles = filesUnder(JS_CORE, '.js').map((name) => `${name}.js`);
const twinsOfJs = new Set(jsFiles.map((file) => NAMED_DIFFERENTLY.get(file) ?? javaName(basename(file, '.js'))));

test('every JavaScript core file has a Java twin of the same name, or a reason', () => {
    const missing = jsFiles.filter((file) => !ONLY_IN_JS.has(file)
        && !javaClasses.has(NAMED_DIFFERENTLY.get(file) ?? javaName(basename(file, '.js'))));
    assert.deepEqual(missing, [], 'JavaScript core files without a Java twin');
});

test('every Java core class has a JavaScript twin of the same name, or a reason', () => {
    const missing = [...javaClasses].filter((name) => !ONLY_IN_JAVA.has(name) && !twinsOfJs.has(name)).sort();
    assert.deepEqual(missing, [], 'Java core classes without a JavaScript twin');
});

test('the reasons name only files that exist', () => {
    assert.deepEqual([...ONLY_IN_JS.keys()].filter((file) => !jsFiles.includes(file)), []);
    assert.deepEqual([...ONLY_IN_JAVA.keys()].filter((name) => !javaClasses.has(name)), []);
    assert.deepEqual([...ONLY_IN_JAVA.keys()].filter((name) => twinsOfJs.has(name)), [],
        'a Java class listed as having no twin has one');
});
