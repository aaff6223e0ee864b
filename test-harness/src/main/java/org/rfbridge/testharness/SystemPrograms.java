// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds programs from system packages. A missing one skips the test that needs it, loudly: CI installs
 * every one of them (.ci/test-deps.sh), so a skip there means the install step is broken.
 */
public final class SystemPrograms {

    private SystemPrograms() {
    }

    /** The absolute path of {@code name} on the PATH, or the test is skipped naming the package. */
    public static String require(String name, String debianPackage) {
        String found = find(name);
        if (found != null) {
            return found;
        }
        String message = "SKIPPED (missing system package " + debianPackage + "): " + name
                + " not found; install it with: apt-get install " + debianPackage;
        System.err.println(message);
        Assumptions.abort(message);
        return null;
    }

    /** The absolute path of {@code name} on the PATH, or null. */
    public static String find(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (candidate.canExecute()) {
                return candidate.getAbsolutePath();
            }
        }
        return null;
    }
}
