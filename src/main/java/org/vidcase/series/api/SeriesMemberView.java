package org.vidcase.series.api;

import java.time.Instant;
import java.util.UUID;
import org.vidcase.series.domain.JoinedBy;
import org.vidcase.series.domain.MemberState;
import org.vidcase.series.domain.SeriesMember;

/** A member of a series: the media item, how it joined and who decided on it. */
public record SeriesMemberView(UUID mediaItemId, MemberState state, JoinedBy joinedBy, Float score, Instant joinedAt,
                               String addedBy, String decidedBy, Instant decidedAt, String fileName, String category) {

    /** {@code fileName}: the item's first file name (by location) for a reader, {@code category} its current one. */
    public static SeriesMemberView of(SeriesMember m, String fileName, String category) {
        return new SeriesMemberView(m.mediaItemId, m.state, m.joinedBy, m.score, m.joinedAt, m.addedBy, m.decidedBy,
                m.decidedAt, fileName, category);
    }
}
