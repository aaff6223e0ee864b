// SPDX-License-Identifier: Apache-2.0
package org.rfbridge.proxy.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Memory of a process and all its descendants, from Linux {@code /proc}. RSS counts pages shared between
 * forked processes once per process, which overstates relays that fork per connection (socat, websockify);
 * PSS splits each shared page between its sharers, so it adds up to the real total. Both are reported.
 * Kernel socket buffers are in neither.
 *
 * @param processes how many processes were summed
 * @param rssKib summed VmRSS, KiB
 * @param pssKib summed Pss, KiB (0 where smaps_rollup is unavailable)
 */
record ProcessMemory(int processes, long rssKib, long pssKib) {

    /** Sums {@code root} and its descendants; processes that exit while being read are skipped. */
    static ProcessMemory ofTree(ProcessHandle root) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        int count = 0;
        long rss = 0;
        long pss = 0;
        for (ProcessHandle process : tree) {
            long processRss = field(Path.of("/proc", Long.toString(process.pid()), "status"), "VmRSS:");
            if (processRss < 0) {
                continue;
            }
            count++;
            rss += processRss;
            pss += Math.max(0, field(Path.of("/proc", Long.toString(process.pid()), "smaps_rollup"), "Pss:"));
        }
        return new ProcessMemory(count, rss, pss);
    }

    /** The KiB value of the line starting with {@code name}, or -1 if the file or line is missing. */
    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // The process exited, or the kernel lacks the file.
        }
        return -1;
    }
}
