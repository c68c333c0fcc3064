package org.rectify.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Waits until the machine is idle before a part measures. The parts run one after another on two cores, and what one
 * leaves behind would be measured with the next: after the digest part MariaDB purges and flushes the tens of
 * megabytes of mails it inserted and deleted, a JVM just started is still compiling. Reads the kernel's CPU counters
 * ({@code /proc/stat}); where there are none it does not wait.
 */
final class Quiet {

    /** Busy below this share of both cores over a sample counts as idle. */
    private static final double IDLE = 0.15;
    private static final Duration SAMPLE = Duration.ofSeconds(2);
    private static final Duration AT_MOST = Duration.ofMinutes(3);

    private Quiet() {
    }

    static void await(String what) throws InterruptedException {
        long start = System.nanoTime();
        double busy;
        do {
            busy = busy(SAMPLE);
        } while (busy > IDLE && System.nanoTime() - start < AT_MOST.toNanos());
        System.out.printf("[bench] %s: machine idle after %d s (CPU %.0f %% busy over the last %d s)%n", what,
                (System.nanoTime() - start) / 1_000_000_000, busy * 100, SAMPLE.toSeconds());
    }

    /** The share of all cores busy over {@code sample}, 0 when the counters cannot be read. */
    private static double busy(Duration sample) throws InterruptedException {
        long[] a = counters();
        Thread.sleep(sample.toMillis());
        long[] b = counters();
        if (a.length == 0 || b.length == 0 || b[0] <= a[0]) {
            return 0;
        }
        long total = b[0] - a[0];
        return (double) (total - (b[1] - a[1])) / total;
    }

    /** All jiffies and the idle ones (idle and waiting for I/O), from the first line of /proc/stat. */
    private static long[] counters() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
