package org.vidcase.lead.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vidcase.lead.domain.LeadStatus;

/** A lead in a list. */
public record LeadSummary(UUID id, UUID caseId, String reference, String title, LeadStatus status, LocalDate dueDate,
                          boolean overdue, int score, String band, List<String> assignees, long version) {
}
