package org.vidcase.series.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A media item in a series, with how it joined and who decided on it. */
@Entity
@Table(name = "series_member")
@IdClass(SeriesMember.Key.class)
public class SeriesMember {

    @Id
    @Column(name = "series_id")
    public UUID seriesId;

    @Id
    @Column(name = "media_item_id")
    public UUID mediaItemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "joined_by", nullable = false)
    public JoinedBy joinedBy;

    /** The clustering's score in 0..1 for a suggestion (1: identical hashes), else null. */
    public Float score;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID seriesId;
        public UUID mediaItemId;

        public Key() {
        }

        public Key(UUID seriesId, UUID mediaItemId) {
            this.seriesId = seriesId;
            this.mediaItemId = mediaItemId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(seriesId, k.seriesId) && Objects.equals(mediaItemId, k.mediaItemId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(seriesId, mediaItemId);
        }
    }
}
