package org.vidcase.jobs.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A unit of long-running work with its progress, as last flushed by its worker. */
@Entity
@Table(name = "job")
public class Job {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobState state;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(nullable = false)
    public String owner;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "total_items")
    public Long totalItems;

    @Column(name = "done_items", nullable = false)
    public long doneItems;

    @Column(name = "error_count", nullable = false)
    public long errorCount;

    /** JSON array of the first error messages (bounded). */
    public String errors;

    public String message;

    /** JSON parameters the handler needs; also what a resumed run starts from. */
    public String parameters;

    /** Handler-defined position from which a resumable job continues after a restart. */
    public String checkpoint;

    /** JSON result document of a finished job. */
    public String result;

    @Column(nullable = false)
    public int attempts;

    /** The replica running it ({@code RUNNING} only). */
    @Column(name = "lease_owner")
    public String leaseOwner;

    /** Until when that replica holds it; past this another replica may take it over. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /** A cancel asked of any replica, seen by the running one when it renews its lease. */
    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;
}
