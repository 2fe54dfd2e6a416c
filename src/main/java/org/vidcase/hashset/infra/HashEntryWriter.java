package org.vidcase.hashset.infra;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.vidcase.hashset.importer.ReferenceEntry;
import org.vidcase.shared.db.CopyLine;

/** Writes reference entries with COPY: one statement per batch, ids assigned by the caller. */
public final class HashEntryWriter {

    private HashEntryWriter() {
    }

    /** An entry with its id, ready to store. */
    public record NumberedEntry(long id, ReferenceEntry entry) {
    }

    public static void write(Connection c, UUID setId, List<NumberedEntry> batch) throws SQLException, IOException {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(batch.size() * 160);
        CopyLine line = new CopyLine();
        String set = setId.toString();
        for (NumberedEntry n : batch) {
            ReferenceEntry e = n.entry();
            line.add(n.id()).add(set).add(e.md5()).add(e.sha1()).add(e.sha256()).add(e.pdq()).add(e.pdqQuality())
                    .add(e.photoDna()).add(e.category()).add(e.series()).add(e.victimIdentified())
                    .add(e.offenderIdentified()).add(e.distributed()).add(e.baseline()).add(e.vpdq())
                    .endTo(rows);
        }
        c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                COPY hash_set_entry (id, hash_set_id, md5, sha1, sha256, pdq, pdq_quality, photodna, category, series,
                    victim_identified, offender_identified, distributed, baseline, vpdq) FROM STDIN WITH (FORMAT csv)""",
                new StringReader(rows.toString()));
    }
}
