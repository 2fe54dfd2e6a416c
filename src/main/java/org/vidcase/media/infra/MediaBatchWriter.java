package org.vidcase.media.infra;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.vidcase.matching.MatchQuery;
import org.vidcase.matching.MatchRecorder;
import org.vidcase.matching.MatchSummary;
import org.vidcase.matching.NewItem;
import org.vidcase.media.domain.MediaSource;
import org.vidcase.media.service.MediaIngestService;
import org.vidcase.media.vics.ExifData;
import org.vidcase.media.vics.ImportedLocation;
import org.vidcase.media.vics.ImportedMedia;
import org.vidcase.shared.db.CopyLine;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.TimeOrderedIds;

/**
 * Writes a batch of imported records with COPY into temporary tables and two set-based inserts
 * that skip what is already there. An imported category is recorded on the item itself (source
 * IMPORT, who, when); the history table receives it when someone first changes it. New items are
 * matched against the reference sets before the batch commits. A batch is one transaction: a record
 * is stored with all its locations and matches or not at all, and importing the same file again
 * changes nothing.
 */
public final class MediaBatchWriter {

    private static final String STAGE = """
            CREATE TEMP TABLE IF NOT EXISTS import_item (
                ord INT, id UUID, content_key VARCHAR(80), md5 VARCHAR(32), sha1 VARCHAR(40), sha256 VARCHAR(64),
                pdq VARCHAR(64), pdq_quality SMALLINT, photodna BYTEA, size_bytes BIGINT, mime_type VARCHAR(100),
                width INT, height INT, exif_make VARCHAR(200), exif_model VARCHAR(200), exif_body_serial VARCHAR(200),
                exif_lens VARCHAR(200), exif_taken_at VARCHAR(100), gps_latitude DOUBLE PRECISION,
                gps_longitude DOUBLE PRECISION, category VARCHAR(50), victim_identified BOOLEAN,
                offender_identified BOOLEAN, distributed BOOLEAN, self_generated BOOLEAN, suspected BOOLEAN,
                series VARCHAR(200), tags VARCHAR(5100), notes TEXT, source_id VARCHAR(100), category_source VARCHAR(20),
                categorised_by VARCHAR(200), match_status VARCHAR(20), hash_details BOOLEAN) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS import_location (
                id UUID, content_key VARCHAR(80), location_key VARCHAR(32), file_name VARCHAR(1000), path VARCHAR(4000),
                created TIMESTAMPTZ, modified TIMESTAMPTZ, accessed TIMESTAMPTZ) ON COMMIT DELETE ROWS;
            """;

    private static final String INSERT_ITEMS = """
            WITH fresh AS (
                INSERT INTO media_item (id, case_id, seizure_id, content_key, md5, sha1, sha256, pdq, pdq_quality,
                    photodna, size_bytes, mime_type, width, height, exif_make, exif_model, exif_body_serial, exif_lens,
                    exif_taken_at, gps_latitude, gps_longitude, category, category_source, categorised_by,
                    categorised_at, victim_identified, offender_identified, distributed, self_generated, suspected,
                    series, tags, notes, source, source_id, match_status, matched_at, hash_details, created_by, created_at,
                    version)
                SELECT DISTINCT ON (content_key) id, ?, ?, content_key, md5, sha1, sha256, pdq,
                    pdq_quality, photodna, size_bytes, mime_type, width, height, exif_make, exif_model,
                    exif_body_serial, exif_lens, exif_taken_at, gps_latitude, gps_longitude, category,
                    category_source, categorised_by, CASE WHEN category IS NULL THEN NULL ELSE now() END,
                    victim_identified, offender_identified, distributed, self_generated, suspected, series, tags,
                    notes, ?, source_id, match_status, CASE WHEN match_status IS NULL THEN NULL ELSE now() END,
                    hash_details, ?, now(), 0
                FROM import_item ORDER BY content_key, ord
                ON CONFLICT (case_id, content_key) DO NOTHING
                RETURNING id)
            SELECT id FROM fresh
            """;

    private static final String INSERT_LOCATIONS = """
            INSERT INTO media_location (id, media_id, seizure_id, location_key, file_name, path, created, modified,
                accessed)
            SELECT l.id, m.id, ?, l.location_key, l.file_name, l.path, l.created, l.modified, l.accessed
            FROM import_location l
            -- One index probe per location. As a plain join the planner, whose statistics lag behind a
            -- table growing by the import itself, hashes the whole case per batch: quadratic time.
            CROSS JOIN LATERAL (SELECT i.id FROM media_item i WHERE i.case_id = ? AND i.content_key = l.content_key
                                LIMIT 1) m
            ON CONFLICT (media_id, location_key) DO NOTHING
            """;

    private MediaBatchWriter() {
    }

    /** The key that makes an item unique in its case: its strongest hash. */
    public static String contentKey(ImportedMedia m) {
        if (m.sha256() != null) {
            return "sha256:" + m.sha256();
        }
        return m.sha1() != null ? "sha1:" + m.sha1() : "md5:" + m.md5();
    }

    /** Matches and decides a batch's records before they are inserted, on the batch's connection. */
    @FunctionalInterface
    public interface NewItemMatcher {
        MatchRecorder.Prepared prepare(Connection c, List<NewItem> items) throws SQLException;
    }

    public static BatchResult write(Connection c, UUID caseId, UUID seizureId, String actor, MediaSource source,
                                    List<ImportedMedia> batch, NewItemMatcher matcher) throws SQLException, IOException {
        requireOpenCase(c, caseId);
        try (Statement s = c.createStatement()) {
            s.execute(STAGE);
        }
        UUID[] ids = new UUID[batch.size()];
        List<NewItem> toMatch = new ArrayList<>(batch.size());
        for (int i = 0; i < ids.length; i++) {
            ImportedMedia m = batch.get(i);
            ids[i] = TimeOrderedIds.next();
            toMatch.add(new NewItem(ids[i], new MatchQuery(m.md5(), m.sha1(), m.sha256(), m.photoDna(), m.pdq(),
                    m.pdqQuality(), null)));
        }
        MatchRecorder.Prepared matches = matcher.prepare(c, toMatch);
        StringBuilder items = new StringBuilder(batch.size() * 300);
        StringBuilder locations = new StringBuilder(batch.size() * 200);
        CopyLine line = new CopyLine();
        int ord = 0;
        for (ImportedMedia m : batch) {
            String key = contentKey(m);
            ExifData exif = m.exif();
            UUID id = ids[ord];
            Decided d = Decided.of(m, matches.decision(id), actor);
            line.add(ord++).add(id).add(key).add(m.md5()).add(m.sha1()).add(m.sha256()).add(m.pdq()).add(m.pdqQuality())
                    .add(m.photoDna()).add(m.size()).add(m.mimeType()).add(m.width()).add(m.height())
                    .add(exif == null ? null : exif.make()).add(exif == null ? null : exif.model())
                    .add(exif == null ? null : exif.bodySerial()).add(exif == null ? null : exif.lens())
                    .add(exif == null ? null : exif.dateTimeOriginal()).add(exif == null ? null : exif.gpsLatitude())
                    .add(exif == null ? null : exif.gpsLongitude()).add(d.category).add(d.victimIdentified)
                    .add(d.offenderIdentified).add(d.distributed).add(m.selfGenerated()).add(m.suspected())
                    .add(d.series).add(m.tags() == null || m.tags().isEmpty() ? null : String.join("\n", m.tags()))
                    .add(m.notes()).add(m.sourceId()).add(d.categorySource).add(d.categorisedBy).add(d.matchStatus)
                    .add(d.hashDetails)
                    .endTo(items);
            for (ImportedLocation l : m.locations()) {
                line.add(TimeOrderedIds.next()).add(key).add(MediaIngestService.locationKey(seizureId, l.path(), l.fileName())).add(l.fileName())
                        .add(l.path()).add(l.created()).add(l.modified()).add(l.accessed())
                        .endTo(locations);
            }
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        pg.getCopyAPI().copyIn("COPY import_item FROM STDIN WITH (FORMAT csv)", new StringReader(items.toString()));
        pg.getCopyAPI().copyIn("COPY import_location FROM STDIN WITH (FORMAT csv)", new StringReader(locations.toString()));

        long newItems;
        Set<UUID> fresh = new HashSet<>();
        try (var insert = c.prepareStatement(INSERT_ITEMS)) {
            insert.setObject(1, caseId);
            insert.setObject(2, seizureId);
            insert.setString(3, source.name());
            insert.setString(4, actor);
            try (var rs = insert.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getObject(1, UUID.class));
                }
            }
        }
        newItems = fresh.size();
        MatchSummary matched = matches.insertMatches(c, fresh);
        int newLocations;
        try (var insert = c.prepareStatement(INSERT_LOCATIONS)) {
            insert.setObject(1, seizureId);
            insert.setObject(2, caseId);
            newLocations = insert.executeUpdate();
        }
        return new BatchResult(newItems, newLocations, matched.alertItems(), matched.ignorableItems());
    }

    /**
     * An import may run long after it was accepted: every batch checks, and holds for its
     * transaction, that the case is still open, so closing a case stops its imports.
     */
    private static void requireOpenCase(Connection c, UUID caseId) throws SQLException {
        try (var check = c.prepareStatement("SELECT status FROM vid_case WHERE id = ? FOR SHARE")) {
            check.setObject(1, caseId);
            try (var rs = check.executeQuery()) {
                if (!rs.next() || !"OPEN".equals(rs.getString(1))) {
                    throw new RuleViolationException("The case was closed; the import stopped there");
                }
            }
        }
    }

    /**
     * A record's values as stored: an imported category (source IMPORT) stands with its series and
     * flags; otherwise a hash match's category (source HASH_MATCH) and, where the record has none,
     * its series and flags.
     */
    private record Decided(String category, String categorySource, String categorisedBy, String series,
                           Boolean victimIdentified, Boolean offenderIdentified, Boolean distributed,
                           String matchStatus, boolean hashDetails) {

        static Decided of(ImportedMedia m, MatchRecorder.Decision d, String actor) {
            String status = d == null || d.status() == null ? null : d.status().name();
            boolean imported = m.category() != null;
            if (imported || d == null) {
                return new Decided(m.category(), imported ? "IMPORT" : null, imported ? actor : null, m.series(),
                        m.victimIdentified(), m.offenderIdentified(), m.distributed(), status, false);
            }
            // As the decide update does: an item with details of its own keeps them as they are; one
            // without takes the match's, which then follow the match (withdrawn with it).
            boolean own = m.series() != null || m.victimIdentified() != null || m.offenderIdentified() != null
                    || m.distributed() != null;
            boolean filled = !own && (d.series() != null || d.victimIdentified() != null
                    || d.offenderIdentified() != null || d.distributed() != null);
            boolean hashCategory = d.category() != null;
            return new Decided(d.category(), hashCategory ? "HASH_MATCH" : null, hashCategory ? d.decidedBy() : null,
                    own ? m.series() : d.series(), own ? m.victimIdentified() : d.victimIdentified(),
                    own ? m.offenderIdentified() : d.offenderIdentified(), own ? m.distributed() : d.distributed(),
                    status, filled);
        }
    }

    /** What a batch added, and how many of its new items matched alert or only ignorable sets. */
    public record BatchResult(long newItems, long newLocations, long alertItems, long ignorableItems) {

        public BatchResult plus(BatchResult other) {
            return new BatchResult(newItems + other.newItems, newLocations + other.newLocations,
                    alertItems + other.alertItems, ignorableItems + other.ignorableItems);
        }
    }
}
