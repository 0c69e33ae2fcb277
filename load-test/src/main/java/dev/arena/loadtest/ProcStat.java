package dev.arena.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's CPU time and peak resident memory from Linux's
 * {@code /proc}: user + system time from {@code /proc/<pid>/stat} (fields 14
 * and 15, in clock ticks) and {@code VmHWM} from {@code /proc/<pid>/status}.
 */
public final class ProcStat {
    private static final long CLOCK_TICKS_PER_SECOND = clockTicks();

    private ProcStat() {
    }

    /** User + system CPU time of the process in nanoseconds, or -1 when it cannot be read. */
    public static long cpuNanos(long pid) {
        long[] t = userSystemNanos(pid);
        return t == null ? -1 : t[0] + t[1];
    }

    /** {user, system} CPU time of the process in nanoseconds, or null when it cannot be read. */
    public static long[] userSystemNanos(long pid) {
        try {
            long[] ticks = parseUserSystemTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
            long tick = 1_000_000_000L / CLOCK_TICKS_PER_SECOND;
            return new long[]{ticks[0] * tick, ticks[1] * tick};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** utime + stime of a {@code /proc/<pid>/stat} line, in clock ticks. */
    static long parseCpuTicks(String stat) {
        long[] t = parseUserSystemTicks(stat);
        return t[0] + t[1];
    }

    /** {utime, stime} of a {@code /proc/<pid>/stat} line, in clock ticks. */
    static long[] parseUserSystemTicks(String stat) {
        // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state), so field n is f[n - 3].
        return new long[]{Long.parseLong(f[14 - 3]), Long.parseLong(f[15 - 3])};
    }

    /**
     * {read syscalls, write syscalls, context switches} of the process so far
     * ({@code syscr}/{@code syscw} of {@code /proc/<pid>/io}, voluntary +
     * involuntary switches summed over its threads), or null when unreadable.
     */
    public static long[] syscallsAndSwitches(long pid) {
        try {
            long reads = -1;
            long writes = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "io"))) {
                if (line.startsWith("syscr:")) {
                    reads = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("syscw:")) {
                    writes = Long.parseLong(line.substring(6).trim());
                }
            }
            long switches = 0;
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        for (String line : Files.readAllLines(task.resolve("status"))) {
                            if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                                switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                            }
                        }
                    } catch (IOException threadEnded) {
                        // A thread that ended while we listed them.
                    }
                }
            }
            return new long[]{reads, writes, switches};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Peak resident set size ({@code VmHWM}) in bytes, or -1 when it cannot be read. */
    public static long peakRssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                long n = Long.parseLong(out);
                if (n > 0 && 1_000_000_000L % n == 0) {
                    return n;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to Linux's usual value
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
