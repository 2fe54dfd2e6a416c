package org.vidcase.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * An officer's categorisation decision sent to a second grader of the case team: both decisions
 * are kept, and a disagreement waits for a supervisor's resolution.
 */
@Entity
@Table(name = "second_opinion")
public class SecondOpinion {

    /** Why the decision needs a second grader. */
    public enum Reason { ALERT, SAMPLE }

    public enum State { AWAITING, AGREED, DISAGREED, RESOLVED, WITHDRAWN }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The item the first grader looked at (a stack's or series' first item). */
    @Column(name = "media_id", nullable = false)
    public UUID mediaId;

    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Reason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "first_category", nullable = false)
    public String firstCategory;

    @Column(name = "first_by", nullable = false)
    public String firstBy;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt;

    @Column(name = "second_category")
    public String secondCategory;

    @Column(name = "second_by")
    public String secondBy;

    @Column(name = "second_at")
    public Instant secondAt;

    @Column(name = "second_note")
    public String secondNote;

    @Column(name = "resolved_category")
    public String resolvedCategory;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolution_note")
    public String resolutionNote;

    @Version
    public long version;
}
