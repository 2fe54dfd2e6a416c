package org.vidcase.search.infra;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads media items as search documents, straight from PostgreSQL in two set-based queries
 * (items, then their locations), on the dispatcher's connection and transaction.
 */
public final class MediaDocumentLoader {

    private static final String ITEMS = """
            SELECT id, case_id, seizure_id, md5, sha1, sha256, pdq, pdq_quality, mime_type, size_bytes, width, height,
                   source, match_status, category, category_source, categorised_by, victim_identified,
                   offender_identified, distributed, self_generated, suspected, series, tags, note, notes,
                   exif_make, exif_model, exif_body_serial, exif_lens, exif_software, exif_taken_at,
                   gps_latitude, gps_longitude, created_at
              FROM media_item WHERE id = ANY(?)
            """;
    private static final String LOCATIONS = "SELECT media_id, file_name, path FROM media_location WHERE media_id = ANY(?)";

    /** Documents for the items that exist, each with the version given for its id. */
    public List<MediaDocument> load(Connection c, Map<UUID, Long> versions) throws SQLException {
        Array ids = c.createArrayOf("uuid", versions.keySet().toArray());
        Map<UUID, List<String>> names = new HashMap<>();
        Map<UUID, List<String>> paths = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(LOCATIONS)) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID media = r.getObject(1, UUID.class);
                    addIfPresent(names, media, r.getString(2));
                    addIfPresent(paths, media, r.getString(3));
                }
            }
        }
        List<MediaDocument> documents = new ArrayList<>(versions.size());
        try (PreparedStatement s = c.prepareStatement(ITEMS)) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID id = r.getObject("id", UUID.class);
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("case_id", r.getString("case_id"));
                    d.put("seizure_id", r.getString("seizure_id"));
                    for (String column : List.of("md5", "sha1", "sha256", "source", "match_status", "category",
                            "category_source", "categorised_by", "series", "note", "notes", "exif_make", "exif_model",
                            "exif_body_serial", "exif_lens", "exif_software", "exif_taken_at")) {
                        putIfPresent(d, column, r.getString(column));
                    }
                    String pdq = r.getString("pdq");
                    if (pdq != null && pdq.length() == 64) {
                        d.put("pdq", bits(pdq));
                        d.put("pdq_quality", r.getObject("pdq_quality"));
                    }
                    putIfPresent(d, "media_type", r.getString("mime_type"));
                    putIfPresent(d, "size", r.getObject("size_bytes"));
                    putIfPresent(d, "width", r.getObject("width"));
                    putIfPresent(d, "height", r.getObject("height"));
                    for (String flag : List.of("victim_identified", "offender_identified", "distributed",
                            "self_generated", "suspected")) {
                        putIfPresent(d, flag, r.getObject(flag));
                    }
                    String tags = r.getString("tags");
                    if (tags != null && !tags.isEmpty()) {
                        d.put("tags", List.of(tags.split("\n")));
                    }
                    Object lat = r.getObject("gps_latitude");
                    Object lon = r.getObject("gps_longitude");
                    if (lat != null && lon != null) {
                        d.put("gps", Map.of("lat", lat, "lon", lon));
                    }
                    Timestamp created = r.getTimestamp("created_at");
                    d.put("created_at", created.toInstant().toString());
                    d.put("file_names", names.getOrDefault(id, List.of()));
                    d.put("paths", paths.getOrDefault(id, List.of()));
                    documents.add(new MediaDocument(id.toString(), versions.get(id), d));
                }
            }
        }
        return documents;
    }

    /** A PDQ hex as the 32 signed bytes a {@code bit} dense_vector takes. */
    static List<Integer> bits(String hex) {
        List<Integer> bytes = new ArrayList<>(32);
        for (int i = 0; i < 64; i += 2) {
            bytes.add((int) (byte) Integer.parseInt(hex.substring(i, i + 2), 16));
        }
        return bytes;
    }

    private static void addIfPresent(Map<UUID, List<String>> map, UUID key, String value) {
        if (value != null && !value.isEmpty()) {
            List<String> values = map.computeIfAbsent(key, k -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }
    }

    private static void putIfPresent(Map<String, Object> document, String field, Object value) {
        if (value != null) {
            document.put(field, value);
        }
    }
}
