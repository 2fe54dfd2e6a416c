package org.vidcase.matching;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.vidcase.shared.category.CategoryScheme;

/**
 * The server's {@link MatchRecorder}: matches against {@link KnownHashIndex} with the configured
 * precedence rules; a set's categories count only when the set uses this server's scheme.
 */
// Created at start-up: unknown precedence rules stop the server there, not at the first upload.
@Startup
@ApplicationScoped
public class MatchingService {

    private final MatchPrecedence precedence;
    private final MatchRecorder recorder;
    private final CategoryScheme scheme;

    public MatchingService(KnownHashIndex index, MatchingConfig config, CategoryScheme scheme) {
        this.scheme = scheme;
        this.precedence = new MatchPrecedence(config.precedence(), config.sourceOrder());
        this.recorder = new MatchRecorder(index::match, precedence, this::usableCategory);
    }

    /** Whether an entry's category (of its set's scheme) can be given to items on this server. */
    public boolean usableCategory(String setScheme, String category) {
        return category != null && setScheme.equals(scheme.profile()) && scheme.defines(category);
    }

    public MatchPrecedence precedence() {
        return precedence;
    }

    /** Matches items against every active set and records the outcome. */
    public MatchSummary match(Connection c, List<NewItem> items) throws SQLException {
        return recorder.match(c, items);
    }

    /** As {@link #match(Connection, List)}, against the sets the filter admits only. */
    public MatchSummary match(Connection c, List<NewItem> items, IntPredicate setFilter) throws SQLException {
        return recorder.match(c, items, setFilter);
    }

    /** Matches and decides items about to be inserted (imports): their rows are written decided. */
    public MatchRecorder.Prepared prepare(Connection c, List<NewItem> items) throws SQLException {
        return recorder.prepare(c, items);
    }

    /** Stores a decoded video's matches with reference entries and decides the item again. */
    public MatchSummary recordVideo(Connection c, UUID mediaId, List<MatchRecorder.VideoMatch> matches)
            throws SQLException {
        return recorder.recordVideo(c, mediaId, matches);
    }

    /** Decides status and category of these items again from their stored matches with active sets. */
    public MatchSummary decide(Connection c, Collection<UUID> mediaIds) throws SQLException {
        return recorder.decide(c, mediaIds);
    }
}
