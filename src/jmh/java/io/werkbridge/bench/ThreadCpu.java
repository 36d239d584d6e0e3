package io.werkbridge.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of a process per thread group, read from Linux's {@code /proc/<pid>/task/<tid>/stat}: threads are grouped
 * by name with digits removed ({@code http-nio-8080-exec-12} and {@code -exec-3} are one group). Two snapshots
 * around a measuring window tell where the process spent its CPU per message, including the JIT compiler and GC
 * threads, which a Java sampling profiler does not see.
 */
final class ThreadCpu {

    /** Linux's USER_HZ: {@code utime} and {@code stime} count in 1/100 s on every common configuration. */
    private static final long MILLIS_PER_TICK = 10;

    private final long pid;

    long pid() {
        return pid;
    }

    ThreadCpu(long pid) {
        this.pid = pid;
    }

    /** Milliseconds of CPU per thread group so far; empty where /proc is not readable (not Linux). */
    Map<String, Long> snapshot() {
        Map<String, Long> groups = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                // pid (comm) state ppid ... utime is field 14, stime 15; comm may contain spaces, so split after ')'
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close).replaceAll("[0-9]+", "#");
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                groups.merge(name, ticks * MILLIS_PER_TICK, Long::sum);
            }
        } catch (IOException | RuntimeException unreadable) {
            return Map.of();
        }
        return groups;
    }

    /** The groups' CPU between two snapshots per message, largest first, as one line per group. */
    static List<String> perMessage(Map<String, Long> before, Map<String, Long> after, long messages) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> String.format(Locale.ROOT, "  %-40s %6.2f ms/message", e.getKey(), (double) e.getValue() / Math.max(1, messages)))
                .toList();
    }
}
