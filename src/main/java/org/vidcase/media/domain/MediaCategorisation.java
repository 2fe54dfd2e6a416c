package org.vidcase.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One categorisation decision in an item's history. Append-only. */
@Entity
@Immutable
@Table(name = "media_categorisation")
public class MediaCategorisation {

    @Id
    public UUID id;

    @Column(name = "media_id", nullable = false)
    public UUID mediaId;

    public String category;

    /** Null only on an undo that brought the item back to having no category. */
    @Enumerated(EnumType.STRING)
    public CategorySource source;

    @Column(name = "victim_identified")
    public Boolean victimIdentified;

    @Column(name = "offender_identified")
    public Boolean offenderIdentified;

    public Boolean distributed;

    @Column(name = "self_generated")
    public Boolean selfGenerated;

    public Boolean suspected;

    public Boolean baseline;

    public String note;

    @Column(name = "categorised_by", nullable = false)
    public String categorisedBy;

    @Column(name = "categorised_at", nullable = false)
    public Instant categorisedAt;

    /** The decision this row belongs to: the rows of one categorisation of a stack or series share it. */
    @Column(name = "decision_id")
    public UUID decisionId;

    /** On an undo: the decision it undid. */
    public UUID undoes;
}
