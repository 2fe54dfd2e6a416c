package org.vidcase.exchange.format;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.vidcase.csv.SpreadsheetCell;

/**
 * Writes entries in the 16-column ICSE hash-set CSV layout, semicolon-separated with a header line:
 * {@code MD5;SHA1;ZZ40;PhotoDNA;Lace;Image ID;Is distributed;Victim identified;Offender identified;
 * Series name;Investigation name;Agency;Number of submissions;File Available;Media Type;Baseline}.
 * Flags are Y/N (empty when unknown), File Available True/False (always False: a hash list holds no
 * files), Baseline Yes/No; hex digests and PhotoDNA in upper case. {@code Investigation name},
 * {@code Agency}, {@code ZZ40}, {@code Lace} and {@code Image ID} are always empty. A series pseudonym
 * (base64url) that begins with {@code -} is written with a single quote before it, so that a spreadsheet
 * does not take it for a formula ({@link SpreadsheetCell}); the ICSE reader drops that quote again.
 */
public final class IcseCsvWriter implements Closeable {

    public static final List<String> HEADER = List.of("MD5", "SHA1", "ZZ40", "PhotoDNA", "Lace", "Image ID",
            "Is distributed", "Victim identified", "Offender identified", "Series name", "Investigation name", "Agency",
            "Number of submissions", "File Available", "Media Type", "Baseline");

    private final CsvWriter csv;
    private long written;
    private long skipped;

    public IcseCsvWriter(Writer out) {
        this.csv = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.CRLF).build(out);
        csv.writeRecord(HEADER);
    }

    /** Writes the row; returns false (and writes nothing) for an entry the layout cannot name. */
    public boolean write(IcseRow row) {
        if (!row.representable()) {
            skipped++;
            return false;
        }
        csv.writeRecord(upper(row.md5()), upper(row.sha1()), "", upper(row.photoDna()), "", "", yesNo(row.distributed()),
                yesNo(row.victimIdentified()), yesNo(row.offenderIdentified()), row.series() == null ? "" : SpreadsheetCell.text(row.series()),
                "", "", Integer.toString(row.submissions()), "False", mediaType(row.mediaType()),
                row.baseline() ? "Yes" : "No");
        written++;
        return true;
    }

    public long written() {
        return written;
    }

    /** Entries left out because they had no MD5, SHA-1 or PhotoDNA. */
    public long skipped() {
        return skipped;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private static String upper(String hex) {
        return hex == null ? "" : hex.toUpperCase(Locale.ROOT);
    }

    private static String yesNo(Boolean flag) {
        return flag == null ? "" : flag ? "Y" : "N";
    }

    private static String mediaType(MediaKind kind) {
        return kind == null ? "" : switch (kind) {
            case IMAGE -> "Image";
            case VIDEO -> "Video";
            case OTHER -> "Other";
        };
    }
}
