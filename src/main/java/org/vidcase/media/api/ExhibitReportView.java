package org.vidcase.media.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.audit.service.AuditSubject;

/**
 * The exhibit report for court or prosecution: per exhibit, how many items fall in each category
 * of the scheme, and each categorised item with who graded it, when, and the second opinion.
 */
public record ExhibitReportView(UUID caseId, String caseReference, String caseTitle, Instant generatedAt,
                                String generatedBy, String scheme, List<CategoryLabel> categories,
                                List<Exhibit> exhibits) implements AuditSubject {

    public record CategoryLabel(String code, String label, boolean alert) {
    }

    public record Exhibit(UUID seizureId, String reference, String deviceDescription, Instant seizedAt, String seizedBy,
                          String forensicTool,
                          @Schema(description = "Distinct items found on the exhibit") long items,
                          @Schema(description = "Items per category code; items without a category under null")
                          List<CategoryCount> counts,
                          @Schema(description = "The categorised items, by category then time (at most the limit)")
                          List<GradedItem> graded,
                          @Schema(description = "Categorised items left out past the limit") long gradedLeftOut) {
    }

    public record CategoryCount(String category, long items) {
    }

    public record GradedItem(UUID mediaItemId, String fileNames, String sha256, String md5, String category,
                             @Schema(description = "HUMAN, HASH_MATCH or IMPORT") String source, String gradedBy,
                             Instant gradedAt,
                             @Schema(description = "The second grader's category and who gave it, when there was one")
                             String secondCategory, String secondBy, String secondOpinionState) {
    }

    @Override
    public String auditObjectId() {
        return caseId.toString();
    }

    @Override
    public UUID auditCaseId() {
        return caseId;
    }
}
