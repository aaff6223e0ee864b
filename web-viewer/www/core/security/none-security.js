// SPDX-License-Identifier: Apache-2.0

import { SecurityHandlerBase } from './security-handler.js';

/** Security type None (RFC 6143 section 7.2.1): no exchange at all. */
export class NoneSecurity extends SecurityHandlerBase {
    constructor() {
        super(1);
    }

    process() {
        return true;
    }

    authenticated() {
        return false;
    }
}
