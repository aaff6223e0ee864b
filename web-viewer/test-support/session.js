// SPDX-License-Identifier: Apache-2.0

import { MemoryDisplay } from '../www/core/display/memory-display.js';
import { RfbClient } from '../www/core/rfb-client.js';
import { FakeTransport } from './fake-transport.js';

export const EVENT_TYPES = ['connect', 'disconnect', 'credentialsrequired', 'desktopname', 'resize',
    'bell', 'clipboard', 'cursor', 'error'];

/** A logger that keeps what it is told, so tests stay quiet and can look at warnings. */
export function recordingLogger() {
    const lines = [];
    const keep = (level) => (...args) => lines.push({ level, text: args.map(String).join(' ') });
    return { lines, debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/**
 * A client on a FakeTransport and a MemoryDisplay, with every event recorded in order.
 * @param {object} [options] RfbClient options (`display` defaults to a MemoryDisplay), plus
 *   `autoDraw` for that MemoryDisplay
 */
export function newSession({ autoDraw = true, display = new MemoryDisplay({ autoDraw }), ...clientOptions } = {}) {
    const transport = new FakeTransport();
    const logger = recordingLogger();
    const client = new RfbClient({ transport, display, logger, ...clientOptions });
    const events = [];
    for (const type of EVENT_TYPES) {
        client.on(type, (detail) => events.push({ type, detail }));
    }
    return {
        transport,
        display,
        client,
        logger,
        events,
        /** Details of the events of one type, in order. */
        eventsOf: (type) => events.filter((event) => event.type === type).map((event) => event.detail),
        /** Event types in order. */
        eventTypes: () => events.map((event) => event.type),
    };
}
