package org.vidcase.hashset.importer;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.vidcase.csv.SpreadsheetCell;
import org.vidcase.shared.error.RuleViolationException;

/**
 * The ICSE hash-set CSV export, streamed: semicolon-separated, header
 * {@code MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;
 * Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline},
 * Y/N flags, True/False for File Available, Yes/No for Baseline, PhotoDNA as 288 upper-case hex
 * digits. Investigation name and agency are read past and never kept.
 */
public final class IcseCsvReader {

    static final List<String> HEADER = List.of("MD5", "SHA1", "ZZ40", "PhotoDNA", "Lace", "Image ID", "Is distributed",
            "Victim identified", "Offender identified", "Series name", "Investigation name", "Agency",
            "Number of submissions", "File Available", "Media Type", "Baseline");

    private IcseCsvReader() {
    }

    /**
     * Reads the whole export; returns the number of entries delivered.
     *
     * @throws RuleViolationException if the first line is not the ICSE header
     */
    public static long read(InputStream in, Consumer<ReferenceEntry> onEntry, Consumer<EntryError> onError)
            throws IOException {
        BufferedReader text = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(';')
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(text);
        long delivered = 0;
        try (CloseableIterator<CsvRecord> rows = csv.iterator()) {
            CsvRecord first = rows.hasNext() ? rows.next() : null;
            Map<String, Integer> column = header(first);
            int fields = first.getFieldCount();
            while (true) {
                CsvRecord row;
                try {
                    if (!rows.hasNext()) {
                        break;
                    }
                    row = rows.next();
                } catch (CsvParseException | java.io.UncheckedIOException e) {
                    // The rest of the file cannot be read: a set imported in part would be wrong for good.
                    throw new RuleViolationException("The ICSE export is unreadable after " + delivered
                            + " entries: " + e.getMessage());
                }
                if (row.getFieldCount() == 1 && row.getField(0).isBlank()) {
                    continue;
                }
                requireSingleLine(row, delivered);
                if (row.getFieldCount() != fields) {
                    // A row cut short (a truncated file) or run together with the next would give half an entry.
                    onError.accept(new EntryError(row.getStartingLineNumber(), "expected " + fields
                            + " fields as in the header, found " + row.getFieldCount()));
                    continue;
                }
                try {
                    onEntry.accept(entry(row, column));
                    delivered++;
                } catch (IllegalArgumentException e) {
                    onError.accept(new EntryError(row.getStartingLineNumber(), e.getMessage()));
                }
            }
        }
        return delivered;
    }

    /**
     * ICSE values never span lines: a field that does opened a quote that never closed, and
     * swallowed the rows after it. The import stops rather than lose them silently.
     */
    private static void requireSingleLine(CsvRecord row, long delivered) {
        for (int i = 0; i < row.getFieldCount(); i++) {
            String field = row.getField(i);
            if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                throw new RuleViolationException("The ICSE export is unreadable from line " + row.getStartingLineNumber()
                        + " (after " + delivered + " entries): a quoted field runs across lines");
            }
        }
    }

    private static Map<String, Integer> header(CsvRecord first) {
        if (first == null) {
            throw new RuleViolationException("Not an ICSE hash-set export: the file is empty");
        }
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < first.getFieldCount(); i++) {
            String name = first.getField(i).strip();
            column.put((i == 0 ? name.replace("\uFEFF", "") : name).toLowerCase(Locale.ROOT), i);
        }
        for (String required : List.of("md5", "sha1", "photodna", "is distributed", "victim identified",
                "offender identified", "series name", "baseline")) {
            if (!column.containsKey(required)) {
                throw new RuleViolationException("Not an ICSE hash-set export: the header has no '" + required
                        + "' column (expected " + String.join(";", HEADER) + ")");
            }
        }
        return column;
    }

    private static ReferenceEntry entry(CsvRecord row, Map<String, Integer> column) {
        String photoDna = field(row, column, "photodna");
        return new ReferenceEntry(field(row, column, "md5"), field(row, column, "sha1"), null, null, null,
                photoDna == null ? null : photoDna(photoDna), null, SpreadsheetCell.restore(field(row, column, "series name")),
                flag(row, column, "victim identified", "Y", "N"), flag(row, column, "offender identified", "Y", "N"),
                flag(row, column, "is distributed", "Y", "N"), flag(row, column, "baseline", "Yes", "No"));
    }

    private static String field(CsvRecord row, Map<String, Integer> column, String name) {
        int i = column.get(name);
        if (i >= row.getFieldCount()) {
            return null;
        }
        String value = row.getField(i).strip();
        return value.isEmpty() ? null : value;
    }

    private static Boolean flag(CsvRecord row, Map<String, Integer> column, String name, String yes, String no) {
        String value = field(row, column, name);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase(yes)) {
            return true;
        }
        if (value.equalsIgnoreCase(no)) {
            return false;
        }
        throw new IllegalArgumentException("'" + name + "' must be " + yes + " or " + no);
    }

    private static byte[] photoDna(String hex) {
        if (hex.length() != 288) {
            throw new IllegalArgumentException("PhotoDNA must be 288 hex digits, not " + hex.length());
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PhotoDNA is not hexadecimal");
        }
    }
}
