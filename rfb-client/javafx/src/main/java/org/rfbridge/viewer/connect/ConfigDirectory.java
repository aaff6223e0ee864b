// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer.connect;

import java.nio.file.Path;

/**
 * Where the viewer keeps its files: {@code $XDG_CONFIG_HOME/rfbridge}, else {@code ~/.config/rfbridge}. The
 * system property {@code rfbridge.config.dir} overrides both (tests point it at a temporary directory).
 */
public final class ConfigDirectory {
    public static final String OVERRIDE_PROPERTY = "rfbridge.config.dir";

    private ConfigDirectory() {
    }

    public static Path resolve() {
        String override = System.getProperty(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "rfbridge");
        }
        return Path.of(System.getProperty("user.home"), ".config", "rfbridge");
    }
}
