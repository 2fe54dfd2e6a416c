package org.vidcase.hashset.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.vidcase.media.vics.MalformedExportException;
import org.vidcase.media.vics.NotVicsException;
import org.vidcase.media.vics.VicsReader;
import org.vidcase.shared.error.RuleViolationException;

/** The hash-set file formats the unit imports. */
public enum HashSetFormat {
    /** ICSE hash-set CSV export (semicolon-separated). */
    ICSE,
    /** Project VIC VICS JSON 1.1 to 2.0. */
    VICS,
    /** NSRL RDSv3 SQLite database (known-good files). */
    NSRL,
    /** One hash per line. */
    PLAIN,
    /**
     * vPDQ hashes of videos: a hash file as the reference implementation writes it (one video), or
     * one video per line as ThreatExchange's compact JSON list of {@code "pdqHex,quality,timestamp"}.
     */
    VPDQ;

    /** Null when these leading bytes of a file are of this format, else why not. */
    public String recognise(byte[] head) {
        if (this != NSRL && NsrlRdsReader.isSqlite(head)) {
            return "Not a " + this + " file: it is a SQLite database (import it as NSRL)";
        }
        try {
            switch (this) {
                case NSRL -> {
                    return NsrlRdsReader.isSqlite(head) ? null : "Not an NSRL RDSv3 file: it is not a SQLite database";
                }
                case VICS -> VicsReader.open(new ByteArrayInputStream(head)).close();
                case ICSE -> IcseCsvReader.read(firstLine(head), e -> { }, e -> { });
                case PLAIN -> {
                    long[] good = {0};
                    long[] bad = {0};
                    PlainHashListReader.read(new ByteArrayInputStream(head), e -> good[0]++, e -> bad[0]++);
                    if (good[0] == 0) {
                        return "Not a plain hash list: no line of the first " + head.length / 1024
                                + " KiB holds a hash";
                    }
                }
                case VPDQ -> {
                    long[] good = {0};
                    VpdqHashSetReader.read(new ByteArrayInputStream(head), e -> good[0]++, e -> { });
                    if (good[0] == 0) {
                        return "Not a vPDQ hash file: its first " + head.length / 1024 + " KiB hold no video's frames";
                    }
                }
                default -> throw new IllegalStateException(name());
            }
            return null;
        } catch (NotVicsException e) {
            return "Not a VICS export: " + e.getMessage();
        } catch (MalformedExportException e) {
            return "Not a readable VICS export: " + e.getMessage();
        } catch (RuleViolationException e) {
            return e.getMessage();
        } catch (IOException | RuntimeException e) {
            return "Not a readable " + this + " file: " + e.getMessage();
        }
    }

    private static InputStream firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return new ByteArrayInputStream((end < 0 ? text : text.substring(0, end)).getBytes(StandardCharsets.UTF_8));
    }
}
