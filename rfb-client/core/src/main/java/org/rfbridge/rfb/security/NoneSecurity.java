// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.security;

import org.rfbridge.rfb.io.RfbInput;
import org.rfbridge.rfb.io.RfbOutput;

/** Security type None (RFC 6143 section 7.2.1): no exchange at all. */
public final class NoneSecurity implements SecurityHandler {
    @Override
    public int type() {
        return SecurityTypes.NONE;
    }

    @Override
    public boolean process(RfbInput in, RfbOutput out) {
        return true;
    }

    @Override
    public boolean authenticated() {
        return false;
    }
}
