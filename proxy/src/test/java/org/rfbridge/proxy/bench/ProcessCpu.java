// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time a process tree has used, from Linux {@code /proc/PID/stat}: its own user and system time plus
 * that of children it has reaped (a forking relay's finished per-connection processes) plus that of the
 * descendants still running. Unlike throughput, CPU per byte moved hardly changes when other work shares
 * the cores, so it is the steadier figure on a shared machine.
 */
final class ProcessCpu {

    /** Linux reports these times in clock ticks of 1/100 s on every architecture the JDK runs on here. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** Seconds of CPU used so far by {@code root} and its descendants; processes that vanish are skipped. */
    static double seconds(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        long ticks = ticks(root.pid(), true);
        for (ProcessHandle child : descendants) {
            ticks += ticks(child.pid(), false);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime (+ cutime + cstime when {@code withReaped}), fields 14 to 17 of the stat line. */
    private static long ticks(long pid, boolean withReaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            if (withReaped) {
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
