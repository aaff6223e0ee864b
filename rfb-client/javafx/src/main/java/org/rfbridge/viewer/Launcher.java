// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.viewer;

import javafx.application.Application;
import org.rfbridge.rfb.client.Target;
import picocli.CommandLine;

/**
 * The jar's main class. It must not extend {@link Application}: the JavaFX launcher refuses to start an
 * Application subclass from the class path without the JavaFX modules, which a self-contained jar does not use.
 * Options are checked here, so that {@code --help} and mistakes never open a window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        ViewerCommand command = new ViewerCommand();
        CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            cli.parseArgs(args);
            if (command.target() != null) {
                Target.parse(command.target());
            }
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            cli.usage(System.err);
            System.exit(2);
            return;
        }
        if (cli.isUsageHelpRequested()) {
            cli.usage(System.out);
            return;
        }
        if (cli.isVersionHelpRequested()) {
            cli.printVersionHelp(System.out);
            return;
        }
        ViewerApp.options = command;
        tuneToolkit();
        Application.launch(ViewerApp.class, args);
    }

    /**
     * JavaFX reads these once, when the toolkit starts; a value given with -D on the command line wins. Measured
     * with bench/LatencyProbe.java on Xvfb (software pipeline); see bench/NOTES.md. Public for
     * bench/JavaFxClickFloor.java, which must run with exactly these settings.
     */
    public static void tuneToolkit() {
        // JavaFX pulses on a 60 Hz timer, so an update that arrives just after a pulse waited up to 16 ms to be
        // drawn; at 1000 Hz the next pulse follows at once (about 5 ms less click-to-pixel here). The price is
        // paid at rest: on Linux the pulse timer is a GLib timeout that glass never pauses, so the FX thread wakes
        // at this rate even when nothing changes (2.5 % of a core here, 0.65 % at 60 Hz). A tick with nothing
        // to do posts no pulse, and FramebufferDisplay asks for a pulse only when an update arrives.
        setIfAbsent("javafx.animation.pulse", "1000");
        // Region backgrounds are cached as images and stretched on each repaint; in the software pipeline that
        // stretch cost more than the desktop band drawn over it (about 5 ms a click at 800x600). Filling the few
        // plain backgrounds directly is cheap on every pipeline.
        setIfAbsent("prism.disableRegionCaching", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
