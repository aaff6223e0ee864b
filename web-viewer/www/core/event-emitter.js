// SPDX-License-Identifier: Apache-2.0

/**
 * Named events with plain-object details, for code that must run without a DOM (Node has no
 * CustomEvent before version 19). A listener that throws is reported to `onListenerError` and
 * does not stop the others or the caller: a bug in the page must not break the protocol loop.
 */
export class EventEmitter {
    /** @param {(type: string, error: unknown) => void} onListenerError */
    constructor(onListenerError) {
        /** @type {Map<string, Set<Function>>} */
        this._listeners = new Map();
        this._onListenerError = onListenerError;
    }

    /** Calls `listener(detail)` for each `type` event until `off`. */
    on(type, listener) {
        if (!this._listeners.has(type)) {
            this._listeners.set(type, new Set());
        }
        this._listeners.get(type).add(listener);
        return this;
    }

    off(type, listener) {
        this._listeners.get(type)?.delete(listener);
        return this;
    }

    emit(type, detail) {
        for (const listener of [...(this._listeners.get(type) ?? [])]) {
            try {
                listener(detail);
            } catch (error) {
                this._onListenerError(type, error);
            }
        }
    }
}
