package org.vidcase.hashset;

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
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.flywaydb.core.Flyway;
import org.vidcase.hashset.bench.IcseFileGenerator;
import org.vidcase.hashset.importer.IcseCsvReader;
import org.vidcase.hashset.infra.HashEntryWriter;
import org.vidcase.hashset.infra.HashEntryWriter.NumberedEntry;
import org.vidcase.localstack.PostgresService;
import org.vidcase.matching.EntryIds;
import org.vidcase.matching.ReferenceEntryLoader;
import org.vidcase.matching.ReferenceIndexes;
import org.vidcase.shared.crypto.EvidenceCipher;
import org.vidcase.shared.crypto.MasterKeyring;

/**
 * Not a test: imports a generated ICSE CSV export the way the hash-set import job does (decrypting
 * the stored file, streaming parse, batches of 20,000 entries written with COPY into real
 * PostgreSQL, one transaction each), then indexes the set from PostgreSQL as the server does when
 * the import ends. A decrypt-and-parse pass over the same file is the baseline.
 *
 * <pre>
 * ./mvnw -q test-compile
 * java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *     org.vidcase.hashset.HashSetImportBenchmark --rows 3000000
 * </pre>
 */
public final class HashSetImportBenchmark {

    private static final int BATCH = 20_000;
    private static final int SET_INDEX = 1;

    private HashSetImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(arg(args, "--rows", "3000000"));
        Path work = Files.createDirectories(Paths.get(arg(args, "--dir", "target/hash-set-benchmark")));
        Path plain = work.resolve("icse-" + rows + ".csv");
        if (!Files.exists(plain)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(plain), 1 << 16)) {
                IcseFileGenerator.generate(out, rows, 42);
            }
        }
        MasterKeyring keyring = MasterKeyring.parse(MasterKeyring.generateEntry("bench"), "bench");
        SecretKey dataKey = keyring.newDataKey();
        EvidenceCipher cipher = new EvidenceCipher(256 * 1024);
        Path encrypted = work.resolve("icse-" + rows + ".enc");
        try (InputStream in = cipher.encrypting(Files.newInputStream(plain), dataKey)) {
            Files.copy(in, encrypted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("VIDCase hash-set import benchmark: %,d ICSE rows, %.0f MB CSV, JVM %s, %d cores, max heap %d MB%n",
                rows, Files.size(plain) / 1e6, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        long parseNanos = parseOnly(cipher, encrypted, dataKey);
        System.out.printf("baseline  decrypt + parse only:           %6.1f s  %,10.0f rows/s%n", parseNanos / 1e9,
                rows / (parseNanos / 1e9));

        try (PostgresService postgres = PostgresService.start(Files.createDirectories(work.resolve("pg-" + System.nanoTime())))) {
            Flyway.configure().dataSource(postgres.jdbcUrl(), PostgresService.OWNER, postgres.ownerPassword())
                    .placeholders(Map.of("appUser", PostgresService.APP_USER)).load().migrate();
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), PostgresService.APP_USER,
                    postgres.appPassword())) {
                c.setAutoCommit(false);
                UUID setId = seed(c);
                resetPeakHeap();
                long importNanos = importAll(c, setId, cipher, encrypted, dataKey);
                long stored;
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM hash_set_entry")) {
                    rs.next();
                    stored = rs.getLong(1);
                }
                System.out.printf("import    decrypt + parse + COPY:         %6.1f s  %,10.0f rows/s  (%.1fx baseline), "
                        + "peak heap %d MB, %,d entries stored%n", importNanos / 1e9, rows / (importNanos / 1e9),
                        importNanos / (double) parseNanos, peakHeapMb(), stored);
                c.createStatement().executeUpdate("UPDATE hash_set SET import_state = 'IMPORTED'");
                c.commit();
                long start = System.nanoTime();
                ReferenceIndexes.Batch batch = ReferenceIndexes.batch(1024);
                ReferenceEntryLoader.readSet(c, SET_INDEX, batch, 50);
                ReferenceIndexes index = ReferenceIndexes.build(ReferenceIndexes.batch(0), 50);
                index.add(batch);
                c.rollback();
                long indexNanos = System.nanoTime() - start;
                System.out.printf("index     read back from PostgreSQL + add: %6.1f s  %,10.0f entries/s%n",
                        indexNanos / 1e9, batch.size() / (indexNanos / 1e9));
                System.out.printf("total     import + index:                 %6.1f s%n", (importNanos + indexNanos) / 1e9);
            }
        }
    }

    private static long parseOnly(EvidenceCipher cipher, Path encrypted, SecretKey key) throws Exception {
        long start = System.nanoTime();
        long[] n = {0};
        try (InputStream in = new BufferedInputStream(cipher.decrypting(Files.newInputStream(encrypted), key), 1 << 16)) {
            IcseCsvReader.read(in, e -> n[0]++, e -> n[0]++);
        }
        return System.nanoTime() - start;
    }

    private static long importAll(Connection c, UUID setId, EvidenceCipher cipher, Path encrypted, SecretKey key)
            throws Exception {
        long start = System.nanoTime();
        List<NumberedEntry> batch = new ArrayList<>(BATCH);
        long[] ordinal = {0};
        try (InputStream in = new BufferedInputStream(cipher.decrypting(Files.newInputStream(encrypted), key), 1 << 16)) {
            IcseCsvReader.read(in, e -> {
                batch.add(new NumberedEntry(EntryIds.of(SET_INDEX, ordinal[0]++), e));
                if (batch.size() >= BATCH) {
                    flush(c, setId, batch);
                }
            }, e -> { });
        }
        flush(c, setId, batch);
        return System.nanoTime() - start;
    }

    private static void flush(Connection c, UUID setId, List<NumberedEntry> batch) {
        try {
            HashEntryWriter.write(c, setId, batch);
            c.commit();
            batch.clear();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID seed(Connection c) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO hash_set (id, name, source, set_version, kind, "
                + "category_scheme, active, created_by, created_at, updated_by, updated_at, version) "
                + "VALUES (?, 'ICSE benchmark', 'ICSE', '1', 'ALERT', 'vics', false, 'bench', now(), 'bench', now(), 0)")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
        c.commit();
        return id;
    }
}
