package org.vidcase.video.infra;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.vidcase.hashing.video.VpdqSignature;
import org.vidcase.index.VideoFrameIndex;

/**
 * The vPDQ frames of every decoded video of every case, in memory, for video-against-video search.
 * Follows video_hash by its increasing video_no before each search (videos hashed on any replica),
 * so it needs no event; about 100 bytes a stored frame. Who may see which case is the caller's
 * business: results carry their case.
 */
@ApplicationScoped
public class CaseVideoIndex {

    private static final int MIN_QUALITY = 50;
    private static final int PAGE = 5_000;

    private final AgroalDataSource dataSource;
    private final VideoFrameIndex index = new VideoFrameIndex();
    private final Map<Long, IndexedVideo> videos = new ConcurrentHashMap<>();
    private long lastVideoNo;

    /** A video in the index. */
    public record IndexedVideo(long videoNo, UUID mediaId, UUID caseId) {
    }

    /** An indexed video and how it compares with the query. */
    public record Hit(IndexedVideo video, VideoFrameIndex.Match match) {
    }

    public CaseVideoIndex(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Hit> search(VpdqSignature query, int radius) {
        catchUp();
        long[] words = query.distinctUsableWords(MIN_QUALITY);
        List<Hit> out = new ArrayList<>();
        if (words.length == 0) {
            return out;
        }
        for (VideoFrameIndex.Match m : index.search(words, radius, group -> true)) {
            out.add(new Hit(videos.get(m.key()), m));
        }
        return out;
    }

    private synchronized void catchUp() {
        while (true) {
            List<Long> keys = new ArrayList<>();
            List<long[]> frames = new ArrayList<>();
            try (Connection c = dataSource.getConnection();
                 PreparedStatement s = c.prepareStatement("""
                         SELECT video_no, media_id, case_id, frames FROM video_hash WHERE video_no > ?
                         ORDER BY video_no LIMIT ?""")) {
                s.setLong(1, lastVideoNo);
                s.setInt(2, PAGE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long no = rs.getLong(1);
                        videos.put(no, new IndexedVideo(no, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)));
                        keys.add(no);
                        frames.add(VpdqSignature.fromBytes(rs.getBytes(4)).distinctUsableWords(MIN_QUALITY));
                        lastVideoNo = Math.max(lastVideoNo, no);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Reading the video hashes failed", e);
            }
            if (!keys.isEmpty()) {
                index.addAll(keys.stream().mapToLong(Long::longValue).toArray(), new int[keys.size()],
                        frames.toArray(long[][]::new));
            }
            if (keys.size() < PAGE) {
                return;
            }
        }
    }
}
