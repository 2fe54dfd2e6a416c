package org.vidcase.media.vics;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses a VICS file and prints throughput and memory figures; not a test, it asserts nothing.
 *
 * <pre>java -Xmx256m ... VicsParseBenchmark /tmp/vics-1m.json [--passes 3]</pre>
 *
 * <p>Peak heap is the sum of the heap pools' peaks since the pass began, an upper bound of what was in use at once.
 * The parsing thread's CPU time is printed beside the wall-clock rate because on a shared machine the wall clock
 * also measures the neighbours.
 */
public final class VicsParseBenchmark {

    private VicsParseBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int passes = args.length > 2 && args[1].equals("--passes") ? Integer.parseInt(args[2]) : 1;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("JVM: %s %s (%s), cores: %d, max heap: %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("os.arch"),
                runtime.availableProcessors(), runtime.maxMemory() >> 20);
        double megabytes = Files.size(file) / 1e6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long gcBefore = gcMillis();
            long cpuBefore = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            Counts counts = parse(file);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
            System.out.printf("pass %d: records: %d, errors: %d, %.2f s, %,.0f records/s, %.1f MB/s (%.0f MB); "
                            + "parsing thread CPU %.2f s = %,.0f records/CPU-s; peak heap used: %d MiB, GC: %d ms; "
                            + "version %s, checksum %x%n",
                    pass, counts.records, counts.errors, seconds, counts.records / seconds, megabytes / seconds,
                    megabytes, cpuSeconds, counts.records / cpuSeconds, peakHeapBytes() >> 20,
                    gcMillis() - gcBefore, counts.version, counts.checksum);
        }
    }

    private static Counts parse(Path file) throws IOException {
        Counts counts = new Counts();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             VicsReader reader = VicsReader.open(in)) {
            counts.version = reader.version();
            while (reader.next(counts::record, error -> counts.errors++)) {
                // counted by the consumers
            }
        }
        return counts;
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }

    /** The checksum keeps the JIT from discarding records nobody looks at. */
    private static final class Counts {
        long records;
        long errors;
        long checksum;
        String version;

        void record(ImportedMedia media) {
            records++;
            checksum += media.md5().hashCode() + media.locations().size();
        }
    }
}
