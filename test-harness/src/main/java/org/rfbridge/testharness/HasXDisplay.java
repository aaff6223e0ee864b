// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.testharness;

/** Something a test started that runs or exports an X display, to grab, paint and send input on. */
public interface HasXDisplay {
    /** The display number N of {@code :N}. */
    int display();

    /** {@code ":N"}. */
    default String displayName() {
        return ":" + display();
    }

    /** X clients on the display: grab, root painting, event observation, input. */
    default XDisplay x() {
        return new XDisplay(display());
    }
}
