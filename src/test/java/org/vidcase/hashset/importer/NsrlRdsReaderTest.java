package org.vidcase.hashset.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcase.shared.error.RuleViolationException;

class NsrlRdsReaderTest {

    private static final String SHA256 = "A".repeat(64);
    private static final String SHA1 = "B".repeat(40);
    private static final String MD5 = "C".repeat(32);

    @TempDir
    Path dir;

    @Test
    void readsTheFileViewsDigestsOncePerFileAndReportsBadRowsByNumber() throws Exception {
        Path db = database("CREATE TABLE PKG_FILE (sha256 VARCHAR, sha1 VARCHAR, md5 VARCHAR, crc32 VARCHAR, "
                + "file_name VARCHAR, file_size INTEGER, package_id INTEGER)",
                "CREATE VIEW FILE AS SELECT sha256, sha1, md5, crc32, file_name, file_size, package_id FROM PKG_FILE");
        insert(db, "PKG_FILE", new Object[][] {
                {SHA256, SHA1, MD5, "00000000", "setup.exe", 10, 1},
                {SHA256, SHA1, MD5, "00000000", "setup.exe", 10, 2},
                {"D".repeat(64), "E".repeat(40), "F".repeat(32), "00000000", "kernel32.dll", 20, 1},
                {"XYZ", "E".repeat(40), "F".repeat(32), "00000000", "broken.dll", 20, 1}});
        List<ReferenceEntry> entries = new ArrayList<>();
        List<EntryError> errors = new ArrayList<>();

        long delivered = NsrlRdsReader.read(db, entries::add, errors::add);

        assertThat(delivered).isEqualTo(2);
        assertThat(entries.get(0).sha256()).isEqualTo("a".repeat(64));
        assertThat(entries.get(0).sha1()).isEqualTo("b".repeat(40));
        assertThat(entries.get(0).md5()).isEqualTo("c".repeat(32));
        assertThat(entries.get(0).category()).isNull();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).contains("SHA-256");
        });
    }

    @Test
    void aDatabaseWithoutTheFileViewOrAnotherFileIsRefused() throws Exception {
        Path other = database("CREATE TABLE songs (title VARCHAR)");
        assertThatThrownBy(() -> NsrlRdsReader.read(other, e -> { }, e -> { }))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("FILE");
        Path text = Files.writeString(dir.resolve("list.txt"), "d41d8cd98f00b204e9800998ecf8427e\n");
        assertThatThrownBy(() -> NsrlRdsReader.read(text, e -> { }, e -> { }))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("not SQLite");
        assertThat(NsrlRdsReader.isSqlite(Files.readAllBytes(other))).isTrue();
        assertThat(NsrlRdsReader.isSqlite(Files.readAllBytes(text))).isFalse();
    }

    private Path database(String... ddl) throws Exception {
        Path file = dir.resolve("rds-" + System.nanoTime() + ".db");
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
             Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
        return file;
    }

    private static void insert(Path file, String table, Object[][] rows) throws Exception {
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
             PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    s.setObject(i + 1, row[i]);
                }
                s.executeUpdate();
            }
        }
    }
}
