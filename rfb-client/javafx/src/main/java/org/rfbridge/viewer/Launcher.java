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
        CommandLine cli = new CommandLine(command);
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
        Application.launch(ViewerApp.class, args);
    }
}
