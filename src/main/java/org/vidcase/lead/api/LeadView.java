package org.vidcase.lead.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.lead.domain.LeadStatus;

/**
 * A lead as its case team sees it, with everything on it; {@code version} must be sent back with a
 * change. {@code nextStatuses} are the moves the workflow allows from here, and how.
 */
public record LeadView(UUID id, UUID caseId, String reference, String title, String description, LeadStatus status,
                       LocalDate dueDate, boolean overdue, PriorityView priority, List<String> assignees,
                       List<LinkedSeriesView> series, List<UUID> mediaItemIds, List<ClueView> clues,
                       List<CommentView> comments, List<ReferralView> referrals, List<OutcomeView> outcomes,
                       List<UUID> identificationIds, List<NextStatus> nextStatuses, String createdBy,
                       Instant createdAt, Instant updatedAt, Instant closedAt, long version) implements AuditSubject {

    /** A series the lead is about, with the series' own status and flags. */
    public record LinkedSeriesView(UUID id, String reference, String name, String status, boolean victimIdentified,
                                   boolean offenderIdentified) {
    }

    /** A comment. */
    public record CommentView(UUID id, String author, Instant at, String text) {
    }

    /** An outcome of one closing of the lead (the latest closing has the highest number). */
    public record OutcomeView(String outcome, LocalDate date, int closing, String recordedBy, Instant recordedAt) {
    }

    /** A move the workflow allows from the current state. */
    public record NextStatus(LeadStatus status, String how) {
    }

    @Override
    public String auditObjectId() {
        return id.toString();
    }

    @Override
    public UUID auditCaseId() {
        return caseId;
    }
}
