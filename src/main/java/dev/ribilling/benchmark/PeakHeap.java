package dev.ribilling.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak heap use during a benchmark stage, sampled every 10 ms by a daemon thread (what -Xmx has to hold; summing
 * the pools' own peaks would add maxima reached at different moments).
 */
public final class PeakHeap {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static volatile long peak;
    private static Thread sampler;

    private PeakHeap() {
    }

    /** Starts (or restarts) sampling from now. */
    public static synchronized void reset() {
        System.gc();
        peak = MEMORY.getHeapMemoryUsage().getUsed();
        if (sampler == null) {
            sampler = new Thread(() -> {
                while (true) {
                    long used = MEMORY.getHeapMemoryUsage().getUsed();
                    if (used > peak) {
                        peak = used;
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "peak-heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
    }

    public static long bytes() {
        long used = MEMORY.getHeapMemoryUsage().getUsed();
        return Math.max(peak, used);
    }

    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }
}
