package org.vidcase.media;

import static org.vidcase.testsupport.BenchmarkSupport.arg;
import static org.vidcase.testsupport.BenchmarkSupport.peakHeapMb;
import static org.vidcase.testsupport.BenchmarkSupport.resetPeakHeap;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
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
import org.vidcase.hashset.importer.ReferenceEntry;
import org.vidcase.hashset.infra.HashEntryWriter;
import org.vidcase.localstack.PostgresService;
import org.vidcase.matching.EntryIds;
import org.vidcase.matching.HashSetSource;
import org.vidcase.matching.MatchPrecedence;
import org.vidcase.matching.MatchRecorder;
import org.vidcase.matching.ReferenceEntryLoader;
import org.vidcase.matching.ReferenceIndexes;
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
 * records/s and peak heap. A parse-only pass over the same file is the baseline. With
 * {@code --reference N} the file is imported once more into a second case, matched against an
 * N-entry reference set that knows a share ({@code --known}, default 0.5) of its records.
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     org.vidcase.media.MediaImportBenchmark --records 1000000 [--reference 3000000 --known 0.5]
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
            // The first imports match against nothing; the last one against a reference set.
            MatchRecorder[] recorder = {null};
            UUID[] target = {CASE, SEIZURE};
            try (PartitionedImportWriter writer = new PartitionedImportWriter(sessions, (partition, part) -> {
                Connection session = connections[partition];
                MediaBatchWriter.BatchResult r = MediaBatchWriter.write(session, target[0], target[1], "benchmark",
                        MediaSource.VICS, part, (conn, items) -> recorder[0] == null ? MatchRecorder.Prepared.NONE
                                : recorder[0].prepare(conn, items));
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
                long reference = Long.parseLong(arg(args, "--reference", "0"));
                if (reference > 0) {
                    double known = Double.parseDouble(arg(args, "--known", "0.5"));
                    ReferenceIndexes indexes = referenceSet(c, plain, reference, known);
                    recorder[0] = new MatchRecorder((q, f) -> indexes.match(q, 31, f),
                            new MatchPrecedence(List.of("exact", "source", "nearest"), List.of(HashSetSource.values())),
                            (scheme, category) -> true);
                    target[0] = CASE2;
                    target[1] = SEIZURE2;
                    resetPeakHeap();
                    long matchedNanos = importAll(writer, cipher, encrypted, dataKey);
                    try (var count = c.createStatement().executeQuery("SELECT count(*) FILTER (WHERE match_status "
                            + "= 'ALERT'), (SELECT count(*) FROM media_match) FROM media_item WHERE case_id = '"
                            + CASE2 + "'")) {
                        count.next();
                        System.out.printf("import with matching (new case):          %6.1f s  %,9.0f records/s  (%.2fx the "
                                + "import without), peak heap %d MB; %,d items alert, %,d match rows%n",
                                matchedNanos / 1e9, records / (matchedNanos / 1e9), matchedNanos / (double) importNanos,
                                peakHeapMb(), count.getLong(1), count.getLong(2));
                    }
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
    private static final UUID CASE2 = UUID.randomUUID();
    private static final UUID SEIZURE2 = UUID.randomUUID();

    /**
     * A reference set in PostgreSQL and in memory, as an import would leave it: every record of the
     * file is known with probability {@code known} (its MD5 exactly, its PDQ hash 8 bits away), and
     * random entries fill the set up to {@code size}, a third of them with a PDQ hash.
     */
    private static ReferenceIndexes referenceSet(Connection c, Path plain, long size, double known) throws Exception {
        long start = System.nanoTime();
        UUID setId = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO hash_set (id, name, source, set_version, kind, "
                + "category_scheme, active, import_state, created_by, created_at, updated_by, updated_at, version) "
                + "VALUES (?, 'bench', 'ICSE', '1', 'ALERT', 'vics', true, 'IMPORTED', 'b', now(), 'b', now(), 0) "
                + "RETURNING index_id")) {
            s.setObject(1, setId);
            try (var rs = s.executeQuery()) {
                rs.next();
                SET_INDEX[0] = rs.getInt(1);
            }
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<HashEntryWriter.NumberedEntry> batch = new ArrayList<>();
        long[] n = {0};
        try (InputStream in = new BufferedInputStream(Files.newInputStream(plain), 1 << 16);
             VicsReader reader = VicsReader.open(in)) {
            while (reader.next(r -> {
                if (n[0] < size && random.nextDouble() < known) {
                    String pdq = r.pdq() == null ? null : flip(r.pdq(), random);
                    batch.add(entry(n[0]++, r.md5(), null, pdq, "1"));
                    flushIfFull(c, setId, batch, false);
                }
            }, e -> { })) {
                // entries are taken in the consumer
            }
        }
        while (n[0] < size) {
            batch.add(entry(n[0]++, hex(random, 32), hex(random, 40), random.nextInt(3) == 0 ? hex(random, 64) : null,
                    "1"));
            flushIfFull(c, setId, batch, false);
        }
        flushIfFull(c, setId, batch, true);
        c.commit();
        ReferenceIndexes.Batch loaded = ReferenceIndexes.batch((int) size);
        ReferenceEntryLoader.readSet(c, SET_INDEX[0], loaded, 50);
        c.rollback();
        ReferenceIndexes indexes = ReferenceIndexes.build(loaded, 50);
        System.out.printf("reference set: %,d entries (%.0f %% of the file's records known), stored and indexed in %.1f s%n",
                size, known * 100, (System.nanoTime() - start) / 1e9);
        return indexes;
    }

    private static final int[] SET_INDEX = {0};

    private static HashEntryWriter.NumberedEntry entry(long ordinal, String md5, String sha1, String pdq, String category) {
        return new HashEntryWriter.NumberedEntry(EntryIds.of(SET_INDEX[0], ordinal),
                new ReferenceEntry(md5, sha1, null, pdq, pdq == null ? null : 90, null, category, null, null, null,
                        null, null));
    }

    private static void flushIfFull(Connection c, UUID setId, List<HashEntryWriter.NumberedEntry> batch, boolean force) {
        if (batch.size() >= 20_000 || (force && !batch.isEmpty())) {
            try {
                HashEntryWriter.write(c, setId, batch);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            batch.clear();
        }
    }

    /** The hash with 8 of its 256 bits flipped: a near duplicate well inside radius 31. */
    private static String flip(String hex, java.util.SplittableRandom random) {
        char[] digits = hex.toCharArray();
        for (int i = 0; i < 8; i++) {
            int d = random.nextInt(64);
            int v = Character.digit(digits[d], 16) ^ (1 << random.nextInt(4));
            digits[d] = Character.forDigit(v, 16);
        }
        return new String(digits);
    }

    private static String hex(java.util.SplittableRandom random, int digits) {
        StringBuilder s = new StringBuilder(digits);
        while (s.length() < digits) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }

    private static void seed(Connection c) throws Exception {
        seed(c, CASE, SEIZURE, "BENCH-1");
        seed(c, CASE2, SEIZURE2, "BENCH-2");
    }

    private static void seed(Connection c, UUID caseId, UUID seizureId, String reference) throws Exception {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO vid_case (id, reference, title, status, created_by, "
                + "created_at, version) VALUES (?, ?, 'benchmark', 'OPEN', 'bench', now(), 0)")) {
            s.setObject(1, caseId);
            s.setString(2, reference);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO seizure (id, case_id, reference, created_by, created_at)"
                + " VALUES (?, ?, 'EX-1', 'bench', now())")) {
            s.setObject(1, seizureId);
            s.setObject(2, caseId);
            s.executeUpdate();
        }
    }
}
