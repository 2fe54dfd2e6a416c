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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vidcase.hashing.Dihedral;
import org.vidcase.search.text.SearchText;

/**
 * Reads media items as search documents, straight from PostgreSQL in three set-based queries
 * (locations, series memberships, then items), on the dispatcher's connection and transaction.
 */
public final class MediaDocumentLoader {

    private static final String ITEMS = """
            SELECT id, case_id, seizure_id, md5, sha1, sha256, pdq, pdq_quality, pdq_variants, mime_type, size_bytes,
                   width, height, source, match_status, category, category_source, categorised_by, categorised_at,
                   stack_id, victim_identified,
                   offender_identified, distributed, self_generated, suspected, series, tags, note, notes,
                   exif_make, exif_model, exif_body_serial, exif_lens, exif_software, exif_taken_at,
                   gps_latitude, gps_longitude, created_at, video_state
              FROM media_item WHERE id = ANY(?)
            """;
    private static final String LOCATIONS =
            "SELECT media_id, file_name, path, seizure_id FROM media_location WHERE media_id = ANY(?)";
    private static final String MEMBERSHIPS =
            """
            SELECT m.media_item_id, m.series_id, m.state, s.name, s.reference
              FROM series_member m JOIN series s ON s.id = m.series_id
             WHERE m.media_item_id = ANY(?) AND m.state <> 'REJECTED'
            """;
    private static final Dihedral[] TURNS = Dihedral.values();

    /** The fields whose words free-text search finds, besides file names and folders. */
    private static final List<String> TEXT_FIELDS = List.of("note", "notes", "tags", "series", "exif_make", "exif_model",
            "exif_body_serial", "exif_lens", "exif_software");

    /** Documents for the items that exist, each with the version given for its id. */
    public List<MediaDocument> load(Connection c, Map<UUID, Long> versions) throws SQLException {
        Array ids = c.createArrayOf("uuid", versions.keySet().toArray());
        Map<UUID, List<String>> names = new HashMap<>();
        Map<UUID, List<String>> paths = new HashMap<>();
        Map<UUID, List<String>> seizures = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(LOCATIONS)) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID media = r.getObject(1, UUID.class);
                    addIfPresent(names, media, r.getString(2));
                    addIfPresent(paths, media, r.getString(3));
                    addIfPresent(seizures, media, r.getString(4));
                }
            }
        }
        Map<UUID, String[]> memberships = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(MEMBERSHIPS)) {
            s.setArray(1, ids);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    memberships.put(r.getObject(1, UUID.class),
                            new String[] {r.getString(2), r.getString(3), r.getString(4) + " " + r.getString(5)});
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
                    d.put("id", id.toString());
                    d.put("case_id", r.getString("case_id"));
                    d.put("seizure_id", r.getString("seizure_id"));
                    List<String> seizureIds = new ArrayList<>(seizures.getOrDefault(id, List.of()));
                    if (r.getString("seizure_id") != null && !seizureIds.contains(r.getString("seizure_id"))) {
                        seizureIds.add(0, r.getString("seizure_id"));
                    }
                    d.put("seizure_ids", seizureIds);
                    for (String column : List.of("md5", "sha1", "sha256", "source", "match_status", "category",
                            "category_source", "categorised_by", "series", "note", "notes", "exif_make", "exif_model",
                            "exif_body_serial", "exif_lens", "exif_software", "exif_taken_at", "video_state")) {
                        putIfPresent(d, column, r.getString(column));
                    }
                    String pdq = r.getString("pdq");
                    if (pdq != null && pdq.length() == 64) {
                        d.put("pdq", bits(pdq));
                        d.put("pdq_quality", r.getObject("pdq_quality"));
                        putTurns(d, r.getBytes("pdq_variants"));
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
                    Timestamp categorised = r.getTimestamp("categorised_at");
                    if (categorised != null) {
                        d.put("categorised_at", categorised.toInstant().toString());
                    }
                    String stack = r.getString("stack_id");
                    if (stack != null) {
                        d.put("stack_id", stack);
                    }
                    d.put("stack_representative", stack == null || stack.equals(id.toString()));
                    // One key per stack, an item alone being a stack of one: what a search by stack collapses on.
                    d.put("stack_key", stack == null ? id.toString() : stack);
                    String[] membership = memberships.get(id);
                    if (membership != null) {
                        d.put("series_id", membership[0]);
                        d.put("series_state", membership[1]);
                    }
                    List<String> fileNames = names.getOrDefault(id, List.of());
                    List<String> folderPaths = paths.getOrDefault(id, List.of());
                    d.put("file_names", fileNames);
                    d.put("paths", folderPaths);
                    putText(d, fileNames, folderPaths, membership == null ? null : membership[2]);
                    documents.add(new MediaDocument(id.toString(), versions.get(id), d));
                }
            }
        }
        return documents;
    }

    /** The item's 7 other rotations and reflections (uploads only: a hash-only item has none). */
    private static void putTurns(Map<String, Object> d, byte[] variants) {
        if (variants == null || variants.length != (TURNS.length - 1) * 32) {
            return;
        }
        List<Map<String, Object>> turns = new ArrayList<>(TURNS.length - 1);
        for (int t = 1; t < TURNS.length; t++) {
            List<Integer> bytes = new ArrayList<>(32);
            for (int i = 0; i < 32; i++) {
                bytes.add((int) variants[(t - 1) * 32 + i]);
            }
            turns.add(Map.of("turn", TURNS[t].name(), "pdq", bytes));
        }
        d.put("dihedral", turns);
    }

    /**
     * What free-text search and the name, folder and extension filters look at, normalised here
     * (see {@link SearchText}): this Elasticsearch has no folding or path analysis of its own.
     */
    private static void putText(Map<String, Object> d, List<String> fileNames, List<String> folderPaths,
                                String seriesNameAndReference) {
        Set<String> tokens = new LinkedHashSet<>(SearchText.indexTokens(seriesNameAndReference));
        Set<String> keys = new LinkedHashSet<>();
        Set<String> extensions = new LinkedHashSet<>();
        Set<String> folders = new LinkedHashSet<>();
        for (String name : fileNames) {
            tokens.addAll(SearchText.indexTokens(name));
            String key = SearchText.fileNameKey(name);
            if (key != null) {
                keys.add(key);
            }
            String extension = SearchText.extension(name);
            if (extension != null) {
                extensions.add(extension);
            }
        }
        for (String path : folderPaths) {
            tokens.addAll(SearchText.indexTokens(path));
            folders.addAll(SearchText.folders(path));
        }
        for (String field : TEXT_FIELDS) {
            Object value = d.get(field);
            if (value instanceof String text) {
                tokens.addAll(SearchText.indexTokens(text));
            } else if (value instanceof List<?> values) {
                values.forEach(v -> tokens.addAll(SearchText.indexTokens(String.valueOf(v))));
            }
        }
        d.put("file_name_keys", List.copyOf(keys));
        d.put("extensions", List.copyOf(extensions));
        d.put("folders", List.copyOf(folders));
        if (!tokens.isEmpty()) {
            d.put("search_text", String.join(" ", tokens));
        }
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
