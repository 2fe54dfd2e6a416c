package org.vidcase.media.vics;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.vidcase.csv.SpreadsheetCell;

/**
 * Streams media out as a hash CSV in the columns {@link HashCsvReader} reads, one row per place a
 * file was found (an item found twice is two rows with the same hashes, which an import joins
 * again), so that an export round-trips. UTF-8 with a byte-order mark (spreadsheets guess another
 * encoding without one), CRLF line ends, every cell quoted, and text that would start a formula in a
 * spreadsheet neutralised ({@link SpreadsheetCell}): file names, paths, notes, tags and series are
 * whatever a seized device or a forensic tool said, and this file is meant to be opened by people.
 */
public final class HashCsvWriter implements MediaExportWriter {

    static final List<String> HEADER = List.of("MediaID", "MD5", "SHA1", "SHA256", "PDQ", "PDQQuality", "PhotoDNA", "Size",
            "MimeType", "Width", "Height", "Category", "Series", "VictimIdentified", "OffenderIdentified", "Distributed",
            "SelfGenerated", "Suspected", "Tags", "Notes", "FileName", "Path", "Created", "Modified", "Accessed");

    private final Writer out;
    private boolean closed;

    private HashCsvWriter(Writer out) {
        this.out = out;
    }

    /** Writes the byte-order mark and the header row. */
    public static HashCsvWriter open(OutputStream stream) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        HashCsvWriter writer = new HashCsvWriter(out);
        writer.row(HEADER);
        return writer;
    }

    @Override
    public void write(ImportedMedia m) throws IOException {
        List<ImportedLocation> locations = m.locations().isEmpty()
                ? List.of(new ImportedLocation(null, null, null, null, null)) : m.locations();
        for (ImportedLocation l : locations) {
            List<String> cells = new ArrayList<>(HEADER.size());
            cells.add(m.sourceId());
            cells.add(m.md5());
            cells.add(m.sha1());
            cells.add(m.sha256());
            cells.add(m.pdq());
            cells.add(text(m.pdqQuality()));
            cells.add(m.photoDna() == null ? null : PhotoDnaCodec.encode(m.photoDna()));
            cells.add(text(m.size()));
            cells.add(m.mimeType());
            cells.add(text(m.width()));
            cells.add(text(m.height()));
            cells.add(m.category());
            cells.add(m.series());
            cells.add(text(m.victimIdentified()));
            cells.add(text(m.offenderIdentified()));
            cells.add(text(m.distributed()));
            cells.add(text(m.selfGenerated()));
            cells.add(text(m.suspected()));
            cells.add(m.tags().isEmpty() ? null : String.join(";", m.tags()));
            cells.add(m.notes());
            cells.add(l.fileName());
            cells.add(l.path());
            cells.add(instant(l.created()));
            cells.add(instant(l.modified()));
            cells.add(instant(l.accessed()));
            row(cells);
        }
    }

    /** Flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.flush();
        }
    }

    private void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(SpreadsheetCell.of(cells.get(i)));
        }
        out.write("\r\n");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String instant(Instant value) {
        return value == null ? null : value.toString();
    }
}
