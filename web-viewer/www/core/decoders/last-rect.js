// SPDX-License-Identifier: Apache-2.0

/**
 * LastRect pseudo-encoding (TightVNC's, registered as -224): the update ends here, whatever its
 * rectangle count said, so servers can start an update before they know how many rectangles it
 * has. No data follows. Contract: see RawDecoder; `endsUpdate` tells the client to stop reading
 * rectangles.
 */
export class LastRectDecoder {
    constructor() {
        this.endsUpdate = true;
    }

    decodeRect() {
        return true;
    }
}
