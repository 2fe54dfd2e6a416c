package org.vidcase.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.flywaydb.core.Flyway;
import org.vidcase.localstack.PostgresService;
import org.vidcase.media.domain.MediaSource;
import org.vidcase.media.infra.MediaBatchWriter;
import org.vidcase.media.infra.PartitionedImportWriter;
import org.vidcase.media.vics.ImportedMedia;
import org.vidcase.media.vics.VicsFileGenerator;
import org.vidcase.media.vics.VicsReader;
import org.vidcase.shared.crypto.EvidenceCipher;
import org.vidcase.shared.crypto.MasterKeyring;

/**
 * Not a test: imports a generated VICS file the way the import job does (decrypting the stored
 * export, streaming parse, batches of 10,000 split over writer sessions by content key and written
 * with COPY into real PostgreSQL) and prints
 * records/s and peak heap. A parse-only pass over the same file is the baseline.
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     org.vidcase.media.MediaImportBenchmark --records 1000000
 * </pre>
 */
public final class MediaImportBenchmark {

    private static final int BATCH = 10_000;

    private MediaImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(arg(args, "--records", "1000000"));
        Path work = Files.createDirectories(Paths.get(arg(args, "--dir", "target/import-benchmark")));
        Path plain = work.resolve("vics-" + records + ".json");
        if (!Files.exists(plain)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(plain), 1 << 16)) {
                VicsFileGenerator.generate(out, records, "2.0", 42);
            }
        }
        MasterKeyring keyring = MasterKeyring.parse(MasterKeyring.generateEntry("bench"), "bench");
        SecretKey dataKey = keyring.newDataKey();
        EvidenceCipher cipher = new EvidenceCipher(256 * 1024);
        Path encrypted = work.resolve("vics-" + records + ".enc");
        try (InputStream in = cipher.encrypting(Files.newInputStream(plain), dataKey)) {
            Files.copy(in, encrypted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("VIDCase import benchmark: %d records, %.0f MB VICS 2.0, JVM %s, %d cores, max heap %d MB%n",
                records, Files.size(plain) / 1e6, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        long parseNanos = parseOnly(cipher, encrypted, dataKey);
        System.out.printf("baseline  decrypt + parse only:         %6.1f s  %,9.0f records/s%n", parseNanos / 1e9,
                records / (parseNanos / 1e9));

        try (PostgresService postgres = PostgresService.start(Files.createDirectories(work.resolve("pg-" + System.nanoTime())))) {
            Flyway.configure().dataSource(postgres.jdbcUrl(), PostgresService.OWNER, postgres.ownerPassword())
                    .placeholders(Map.of("appUser", PostgresService.APP_USER)).load().migrate();
            int sessions = Integer.parseInt(arg(args, "--sessions", "2"));
            Connection[] connections = new Connection[sessions];
            for (int i = 0; i < sessions; i++) {
                connections[i] = DriverManager.getConnection(postgres.jdbcUrl(), PostgresService.APP_USER,
                        postgres.appPassword());
                connections[i].setAutoCommit(false);
            }
            Connection c = connections[0];
            try (PartitionedImportWriter writer = new PartitionedImportWriter(sessions, (partition, part) -> {
                Connection session = connections[partition];
                MediaBatchWriter.BatchResult r = MediaBatchWriter.write(session, CASE, SEIZURE, "benchmark",
                        MediaSource.VICS, part, (conn, items) -> org.vidcase.matching.MatchSummary.NONE);
                session.commit();
                return r;
            })) {
                seed(c);
                c.commit();
                System.out.printf("writer sessions: %d%n", sessions);
                resetPeakHeap();
                long importNanos = importAll(writer, cipher, encrypted, dataKey);
                System.out.printf("import    decrypt + parse + PostgreSQL: %6.1f s  %,9.0f records/s  (%.1fx baseline), "
                        + "peak heap %d MB%n", importNanos / 1e9, records / (importNanos / 1e9),
                        importNanos / (double) parseNanos, peakHeapMb());
                long again = importAll(writer, cipher, encrypted, dataKey);
                System.out.printf("re-import (idempotent, nothing new):    %6.1f s  %,9.0f records/s%n", again / 1e9,
                        records / (again / 1e9));
                try (var count = c.createStatement().executeQuery(
                        "SELECT (SELECT count(*) FROM media_item), (SELECT count(*) FROM media_location)")) {
                    count.next();
                    System.out.printf("rows: %,d media items, %,d locations%n", count.getLong(1), count.getLong(2));
                }
            } finally {
                for (Connection session : connections) {
                    session.close();
                }
            }
        }
    }

    private static long parseOnly(EvidenceCipher cipher, Path encrypted, SecretKey key) throws Exception {
        long start = System.nanoTime();
        long[] n = {0};
        try (InputStream in = new BufferedInputStream(cipher.decrypting(Files.newInputStream(encrypted), key), 1 << 16);
             VicsReader reader = VicsReader.open(in)) {
            while (reader.next(r -> n[0]++, e -> n[0]++)) {
                // counted in the consumers
            }
        }
        return System.nanoTime() - start;
    }

    private static long importAll(PartitionedImportWriter writer, EvidenceCipher cipher, Path encrypted, SecretKey key)
            throws Exception {
        long start = System.nanoTime();
        List<ImportedMedia> batch = new ArrayList<>(BATCH);
        try (InputStream in = new BufferedInputStream(cipher.decrypting(Files.newInputStream(encrypted), key), 1 << 16);
             VicsReader reader = VicsReader.open(in)) {
            boolean more = true;
            while (more) {
                more = reader.next(batch::add, e -> { });
                if (batch.size() >= BATCH || (!more && !batch.isEmpty())) {
                    writer.write(batch);
                    batch.clear();
                }
            }
        }
        return System.nanoTime() - start;
    }

    private static final UUID CASE = UUID.randomUUID();
    private static final UUID SEIZURE = UUID.randomUUID();

    private static void seed(Connection c) throws Exception {
        UUID caseId = CASE;
        UUID seizureId = SEIZURE;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO vid_case (id, reference, title, status, created_by, "
                + "created_at, version) VALUES (?, 'BENCH-1', 'benchmark', 'OPEN', 'bench', now(), 0)")) {
            s.setObject(1, caseId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO seizure (id, case_id, reference, created_by, created_at)"
                + " VALUES (?, ?, 'EX-1', 'bench', now())")) {
            s.setObject(1, seizureId);
            s.setObject(2, caseId);
            s.executeUpdate();
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    private static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
