// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.rfb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rfbridge.rfb.RfbException;
import org.rfbridge.rfb.client.Failures;
import picocli.CommandLine;

/**
 * Runs a command body and maps every failure to exit status 1 and one line on stderr, through
 * {@link Failures}, the single place messages are made.
 */
abstract class CommandSupport implements Callable<Integer> {
    static final int EXIT_FAILURE = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(spec.commandLine().getOut());
        } catch (RfbException e) {
            err.println("rfb-client: " + Failures.describe(e));
            return EXIT_FAILURE;
        } catch (IllegalArgumentException | IOException e) {
            // Bad targets and unreadable or unwritable local files: the message already says what and where.
            err.println("rfb-client: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return EXIT_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("rfb-client: interrupted");
            return EXIT_FAILURE;
        } catch (Exception e) {
            err.println("rfb-client: " + Failures.describe(e));
            return EXIT_FAILURE;
        } finally {
            err.flush();
        }
    }

    abstract int run(PrintWriter out) throws Exception;
}
