package org.vidcase.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Something a user is told, in their inbox. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String username;

    /** What it is about, e.g. {@code cross-case-hit}. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    public String body;

    /** The case it concerns, if any (one the user is on). */
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
