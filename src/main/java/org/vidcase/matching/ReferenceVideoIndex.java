package org.vidcase.matching;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vidcase.hashing.video.VpdqSignature;
import org.vidcase.index.VideoFrameIndex;

/**
 * The vPDQ entries of imported reference sets (known videos), in memory: each entry's distinct
 * usable frames in a {@link VideoFrameIndex} grouped by its set, so that a video is matched against
 * all of them with one look-up per frame. Brought in line with hash_set before each use (sets
 * imported or (de)activated on any replica, and a set kept entry by entry, the hub subscription,
 * by its revision: entries added since are indexed, those withdrawn no longer match), which costs
 * one small query when nothing changed.
 */
@ApplicationScoped
public class ReferenceVideoIndex {

    private final AgroalDataSource dataSource;
    private final MatchingConfig config;
    private final VideoFrameIndex index = new VideoFrameIndex();
    /** The revision of each set whose entries are in the index. */
    private final Map<Integer, Long> loadedRevision = new HashMap<>();
    /** Entries withdrawn from a set kept entry by entry: still in the frame index, never a match. */
    private final Set<Long> withdrawn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<Integer, Boolean> active = new HashMap<>();

    public ReferenceVideoIndex(AgroalDataSource dataSource, MatchingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Entries of active sets that share frames with the video, with both vPDQ shares. */
    public List<VideoFrameIndex.Match> match(VpdqSignature video, int radius) {
        Set<Integer> visible = catchUp();
        long[] words = video.distinctUsableWords(config.pdqMinQuality());
        if (words.length == 0) {
            return List.of();
        }
        List<VideoFrameIndex.Match> found = index.search(words, radius, visible::contains);
        return withdrawn.isEmpty() ? found : found.stream().filter(m -> !withdrawn.contains(m.key())).toList();
    }

    private synchronized Set<Integer> catchUp() {
        Map<Integer, Boolean> sets = new HashMap<>();
        Map<Integer, Long> revisions = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT index_id, active, revision FROM hash_set WHERE import_state = 'IMPORTED'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sets.put(rs.getInt(1), rs.getBoolean(2));
                revisions.put(rs.getInt(1), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the hash sets failed", e);
        }
        for (Map.Entry<Integer, Boolean> set : sets.entrySet()) {
            int indexId = set.getKey();
            long revision = revisions.get(indexId);
            Long loaded = loadedRevision.get(indexId);
            if (loaded == null) {
                load(indexId, -1, revision);
            } else if (revision > loaded) {
                // A set kept entry by entry (the hub subscription): what changed since, by revision.
                load(indexId, loaded, revision);
            }
            loadedRevision.put(indexId, Math.max(revision, loaded == null ? revision : loaded));
            active.put(indexId, set.getValue());
        }
        Set<Integer> visible = new HashSet<>();
        active.forEach((set, on) -> {
            if (on && sets.containsKey(set)) {
                visible.add(set);
            }
        });
        return visible;
    }

    /**
     * Adds the set's live vPDQ entries added after revision {@code after} (all of them for -1) and
     * notes those withdrawn since, whose matches are then dropped.
     */
    private void load(int indexId, long after, long upTo) {
        List<Long> keys = new ArrayList<>();
        List<long[]> frames = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT id, vpdq FROM hash_set_entry WHERE id >= ? AND id < ? AND vpdq IS NOT NULL
                      AND withdrawn_rev IS NULL AND (? < 0 OR added_rev > ?)""")) {
                s.setLong(1, EntryIds.first(indexId));
                s.setLong(2, EntryIds.end(indexId));
                s.setLong(3, after);
                s.setLong(4, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!index.contains(rs.getLong(1))) {
                            keys.add(rs.getLong(1));
                            frames.add(VpdqSignature.fromBytes(rs.getBytes(2)).distinctUsableWords(config.pdqMinQuality()));
                        }
                    }
                }
            }
            if (after >= 0) {
                try (PreparedStatement s = c.prepareStatement("""
                        SELECT id FROM hash_set_entry WHERE id >= ? AND id < ? AND vpdq IS NOT NULL
                          AND withdrawn_rev > ? AND withdrawn_rev <= ?""")) {
                    s.setLong(1, EntryIds.first(indexId));
                    s.setLong(2, EntryIds.end(indexId));
                    s.setLong(3, after);
                    s.setLong(4, upTo);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            withdrawn.add(rs.getLong(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the vPDQ entries of hash set " + indexId + " failed", e);
        }
        if (!keys.isEmpty()) {
            int[] groups = new int[keys.size()];
            java.util.Arrays.fill(groups, indexId);
            index.addAll(keys.stream().mapToLong(Long::longValue).toArray(), groups, frames.toArray(long[][]::new));
        }
    }
}
