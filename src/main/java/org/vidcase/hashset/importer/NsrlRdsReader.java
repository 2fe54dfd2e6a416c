package org.vidcase.hashset.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.vidcase.shared.error.RuleViolationException;

/**
 * NSRL RDSv3: a SQLite database whose {@code FILE} table or view lists known software files with
 * their MD5, SHA-1 and SHA-256 (upper-case hex in the published sets). Read with the SQLite JDBC
 * driver, read-only, one row at a time; consecutive rows with the same three digests (the same file
 * in several packages) become one entry. File names and package references are not kept.
 */
public final class NsrlRdsReader {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private NsrlRdsReader() {
    }

    /** Whether these leading bytes are a SQLite database. */
    public static boolean isSqlite(byte[] head) {
        return head.length >= SQLITE_MAGIC.length
                && Arrays.equals(Arrays.copyOf(head, SQLITE_MAGIC.length), SQLITE_MAGIC);
    }

    /**
     * Reads every row of the FILE view; returns the number of entries delivered.
     *
     * @throws RuleViolationException if the file is not an RDSv3 database
     */
    public static long read(Path database, Consumer<ReferenceEntry> onEntry, Consumer<EntryError> onError)
            throws IOException {
        try (InputStream in = Files.newInputStream(database)) {
            if (!isSqlite(in.readNBytes(SQLITE_MAGIC.length))) {
                throw new RuleViolationException("Not an NSRL RDSv3 database: the file is not SQLite");
            }
        }
        Properties options = new Properties();
        options.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        try (Connection db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + database.toAbsolutePath(), options)) {
            requireFileView(db);
            return readRows(db, onEntry, onError);
        } catch (SQLException e) {
            throw new IOException("Reading the NSRL database failed: " + e.getMessage(), e);
        }
    }

    /** Rows of the FILE view, for the progress of an import; 0 if the database has none. */
    public static long countRows(Path database) throws IOException {
        Properties options = new Properties();
        options.setProperty("open_mode", "1");
        try (Connection db = new org.sqlite.JDBC().connect("jdbc:sqlite:" + database.toAbsolutePath(), options);
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM FILE")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return 0;
        }
    }

    private static void requireFileView(Connection db) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info('FILE')")) {
            while (rs.next()) {
                columns.add(rs.getString("name").toLowerCase(Locale.ROOT));
            }
        }
        if (!columns.containsAll(Set.of("md5", "sha1", "sha256"))) {
            throw new RuleViolationException("Not an NSRL RDSv3 database: it has no FILE table or view with md5, "
                    + "sha1 and sha256 columns");
        }
    }

    private static long readRows(Connection db, Consumer<ReferenceEntry> onEntry, Consumer<EntryError> onError)
            throws SQLException {
        long row = 0;
        long delivered = 0;
        String lastMd5 = null;
        String lastSha1 = null;
        String lastSha256 = null;
        try (Statement s = db.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT md5, sha1, sha256 FROM FILE")) {
                while (rs.next()) {
                    row++;
                    String md5 = rs.getString(1);
                    String sha1 = rs.getString(2);
                    String sha256 = rs.getString(3);
                    if (java.util.Objects.equals(md5, lastMd5) && java.util.Objects.equals(sha1, lastSha1)
                            && java.util.Objects.equals(sha256, lastSha256)) {
                        continue;
                    }
                    lastMd5 = md5;
                    lastSha1 = sha1;
                    lastSha256 = sha256;
                    try {
                        onEntry.accept(new ReferenceEntry(md5, sha1, sha256, null, null, null, null, null, null, null,
                                null, null));
                        delivered++;
                    } catch (IllegalArgumentException e) {
                        onError.accept(new EntryError(row, e.getMessage()));
                    }
                }
            }
        }
        return delivered;
    }
}
