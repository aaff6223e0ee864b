// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.target;

import java.util.Objects;
import java.util.Optional;

/** Every session goes to one target, whatever token the request carries. */
public final class FixedTargetResolver implements TargetResolver {

    private final HostAndPort target;

    public FixedTargetResolver(HostAndPort target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public Optional<HostAndPort> resolve(String token) {
        return Optional.of(target);
    }

    @Override
    public String describe() {
        return "target " + target;
    }
}
