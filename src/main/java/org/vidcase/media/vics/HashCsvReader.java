package org.vidcase.media.vics;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Streams a hash list exported as CSV: a header row naming the columns (see {@link CsvColumn} for the accepted
 * names), then one media item per row. The separator (comma, semicolon or tab) is taken from the header. The text
 * is UTF-8 unless a byte-order mark says UTF-16, which is what spreadsheet "Unicode text" exports are.
 *
 * <p>A row with a bad value, with another number of fields than the header, or with bytes that are not text in
 * the file's encoding (a Windows-1252 name in a UTF-8 file), is reported as a {@link RecordError} with its
 * 1-based line number and skipped. A quoted field that never closes makes the file malformed: the parser would
 * take the rest of the file as its value.
 */
public final class HashCsvReader implements ImportedMediaSource {

    /** A first line longer than this is not a header. */
    private static final int HEADER_LIMIT = 64 * 1024;

    /** Stands in for bytes that are no text in the file's encoding; no export writes this non-character. */
    private static final String NOT_TEXT = "\uFFFF";

    private final CsvReader<CsvRecord> csv;
    private final CloseableIterator<CsvRecord> rows;
    private final String[] headers;
    private final CsvColumn[] columns;
    private final CsvQuotes quotes;
    private final String charsetName;
    private long delivered;

    private HashCsvReader(CsvReader<CsvRecord> csv, String[] headers, CsvColumn[] columns, CsvQuotes quotes,
                          String charsetName) {
        this.charsetName = charsetName;
        this.csv = csv;
        this.rows = csv.iterator();
        this.headers = headers;
        this.columns = columns;
        this.quotes = quotes;
    }

    /**
     * Reads the header row.
     *
     * @throws NotHashCsvException if the header names no MD5, SHA-1 or SHA-256 column, or one column twice
     */
    public static HashCsvReader open(InputStream in) throws IOException {
        Charset[] charset = new Charset[1];
        BufferedReader text = textOf(in, charset);
        char separator = CsvSeparator.detect(peekFirstLine(text));
        CsvQuotes quotes = new CsvQuotes(text, separator);
        CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                // Rows of the wrong width are reported per line instead of ending the import.
                .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                .ofCsvRecord(quotes);
        try {
            String[] headers = csv.iterator().next().getFields().stream().map(String::strip).toArray(String[]::new);
            return new HashCsvReader(csv, headers, columnsOf(headers), quotes, charset[0].name());
        } catch (CsvParseException e) {
            throw new NotHashCsvException("not a hash CSV: the header row cannot be read (" + e.getMessage() + ")");
        }
    }

    @Override
    public boolean next(Consumer<ImportedMedia> onRecord, Consumer<RecordError> onError) throws IOException {
        CsvRecord row;
        try {
            if (!rows.hasNext()) {
                return false;
            }
            row = rows.next();
        } catch (CsvParseException e) {
            throw new MalformedExportException("the CSV file is damaged after " + delivered + " records: "
                    + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (quotes.unterminated()) {
            throw new MalformedExportException("the CSV file is damaged: a quoted field opened on line "
                    + quotes.openedOnLine() + " never closes, so the rows after it cannot be told apart");
        }
        long line = row.getStartingLineNumber();
        if (row.getFields().stream().anyMatch(field -> field.contains(NOT_TEXT))) {
            onError.accept(new RecordError(line, "line " + line, "the line is not " + charsetName
                    + " text (saved in another encoding?); export the file as UTF-8"));
            return true;
        }
        if (row.getFieldCount() != headers.length) {
            onError.accept(new RecordError(line, "line " + line, "expected " + headers.length
                    + " fields as in the header, found " + row.getFieldCount()));
            return true;
        }
        CsvMediaRow media = new CsvMediaRow();
        for (int i = 0; i < columns.length; i++) {
            String value = row.getField(i).strip();
            if (columns[i] == null || value.isEmpty()) {
                continue;
            }
            try {
                media.set(columns[i], value);
            } catch (IllegalArgumentException e) {
                onError.accept(new RecordError(line, "line " + line + ", column " + headers[i], e.getMessage()));
                return true;
            }
        }
        try {
            ImportedMedia record = media.build();
            delivered++;
            onRecord.accept(record);
        } catch (IllegalArgumentException e) {
            onError.accept(new RecordError(line, "line " + line, e.getMessage()));
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    private static CsvColumn[] columnsOf(String[] headers) {
        CsvColumn[] columns = new CsvColumn[headers.length];
        boolean identifyingHash = false;
        for (int i = 0; i < headers.length; i++) {
            columns[i] = CsvColumn.forHeader(headers[i]);
            for (int k = 0; k < i; k++) {
                if (columns[i] != null && columns[i] == columns[k]) {
                    throw new NotHashCsvException("not a hash CSV: columns '" + headers[k] + "' and '" + headers[i]
                            + "' both name " + columns[i].name().toLowerCase(Locale.ROOT));
                }
            }
            identifyingHash |= columns[i] != null && columns[i].isIdentifyingHash();
        }
        if (!identifyingHash) {
            throw new NotHashCsvException("not a hash CSV: the first line names no md5, sha1 or sha256 column");
        }
        return columns;
    }

    /** FastCSV closes what it reads; the caller's stream is shielded from that, as the interface promises. */
    private static BufferedReader textOf(InputStream in, Charset[] chosen) throws IOException {
        InputStream bytes = new BufferedInputStream(new FilterInputStream(in) {
            @Override
            public void close() {
                // The caller opened the stream and closes it.
            }
        });
        bytes.mark(3);
        int b0 = bytes.read();
        int b1 = bytes.read();
        int b2 = bytes.read();
        bytes.reset();
        Charset charset = StandardCharsets.UTF_8;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            bytes.skipNBytes(3);
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bytes.skipNBytes(2);
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bytes.skipNBytes(2);
        }
        chosen[0] = charset;
        // Bytes that are no text become a marker the rows are checked for, rather than a silent U+FFFD.
        return new BufferedReader(new InputStreamReader(bytes, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(NOT_TEXT)), HEADER_LIMIT);
    }

    private static String peekFirstLine(BufferedReader text) throws IOException {
        text.mark(HEADER_LIMIT);
        StringBuilder line = new StringBuilder();
        for (int c = text.read(); c != -1 && c != '\n' && c != '\r'; c = text.read()) {
            if (line.length() == HEADER_LIMIT - 1) {
                throw new NotHashCsvException("not a hash CSV: the first line is longer than " + HEADER_LIMIT
                        + " characters");
            }
            line.append((char) c);
        }
        text.reset();
        if (line.isEmpty()) {
            throw new NotHashCsvException("not a hash CSV: the first line is empty");
        }
        return line.toString();
    }
}
