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
 * imported or (de)activated on any replica), which costs one small query when nothing changed.
 */
@ApplicationScoped
public class ReferenceVideoIndex {

    private final AgroalDataSource dataSource;
    private final MatchingConfig config;
    private final VideoFrameIndex index = new VideoFrameIndex();
    private final Set<Integer> loadedSets = new HashSet<>();
    private final Map<Integer, Boolean> active = new HashMap<>();

    public ReferenceVideoIndex(AgroalDataSource dataSource, MatchingConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Entries of active sets that share frames with the video, with both vPDQ shares. */
    public List<VideoFrameIndex.Match> match(VpdqSignature video, int radius) {
        Set<Integer> visible = catchUp();
        long[] words = video.distinctUsableWords(config.pdqMinQuality());
        return words.length == 0 ? List.of() : index.search(words, radius, visible::contains);
    }

    private synchronized Set<Integer> catchUp() {
        Map<Integer, Boolean> sets = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT index_id, active FROM hash_set WHERE import_state = 'IMPORTED'");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sets.put(rs.getInt(1), rs.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the hash sets failed", e);
        }
        for (Map.Entry<Integer, Boolean> set : sets.entrySet()) {
            if (loadedSets.add(set.getKey())) {
                load(set.getKey());
            }
            active.put(set.getKey(), set.getValue());
        }
        Set<Integer> visible = new HashSet<>();
        active.forEach((set, on) -> {
            if (on && sets.containsKey(set)) {
                visible.add(set);
            }
        });
        return visible;
    }

    private void load(int indexId) {
        List<Long> keys = new ArrayList<>();
        List<long[]> frames = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, vpdq FROM hash_set_entry WHERE id >= ? AND id < ? AND vpdq IS NOT NULL")) {
            s.setLong(1, EntryIds.first(indexId));
            s.setLong(2, EntryIds.end(indexId));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                    frames.add(VpdqSignature.fromBytes(rs.getBytes(2)).distinctUsableWords(config.pdqMinQuality()));
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
