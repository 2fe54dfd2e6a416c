package org.vidcase.media.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vidcase.media.vics.ImportedMedia;

/**
 * Writes a batch through several database sessions at once. Records are partitioned by content
 * key, so every record of an item, and every location of it, goes through the same session: no
 * two sessions ever race for the same row, and each partition commits whole or not at all.
 */
public final class PartitionedImportWriter implements AutoCloseable {

    /** Writes one partition in its own transaction. */
    @FunctionalInterface
    public interface PartitionWriter {
        MediaBatchWriter.BatchResult write(int partition, List<ImportedMedia> records) throws Exception;
    }

    private final int partitions;
    private final PartitionWriter writer;
    private final ExecutorService sessions;

    public PartitionedImportWriter(int partitions, PartitionWriter writer) {
        this.partitions = partitions;
        this.writer = writer;
        this.sessions = Executors.newFixedThreadPool(Math.max(1, partitions - 1), r -> {
            Thread t = new Thread(r, "import-writer");
            t.setDaemon(true);
            return t;
        });
    }

    public static int partitionOf(ImportedMedia record, int partitions) {
        return Math.floorMod(MediaBatchWriter.contentKey(record).hashCode(), partitions);
    }

    /** Returns once every partition has committed; the first failure is rethrown. */
    public MediaBatchWriter.BatchResult write(List<ImportedMedia> batch) throws Exception {
        List<List<ImportedMedia>> parts = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            parts.add(new ArrayList<>(batch.size() / partitions + 16));
        }
        for (ImportedMedia record : batch) {
            parts.get(partitionOf(record, partitions)).add(record);
        }
        List<Future<MediaBatchWriter.BatchResult>> running = new ArrayList<>();
        for (int i = 1; i < partitions; i++) {
            int partition = i;
            running.add(sessions.submit(() -> writer.write(partition, parts.get(partition))));
        }
        MediaBatchWriter.BatchResult total = writer.write(0, parts.get(0));
        for (Future<MediaBatchWriter.BatchResult> f : running) {
            try {
                total = total.plus(f.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return total;
    }

    @Override
    public void close() {
        sessions.shutdownNow();
    }
}
