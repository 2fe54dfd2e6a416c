package org.vidcase.media.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.media.domain.SecondOpinion;

/** A decision sent to a second grader, with both decisions and the resolution. */
public record SecondOpinionView(UUID id, UUID caseId, String caseReference, UUID mediaItemId,
                                @Schema(description = "How many items the first decision covered (its stack or series)")
                                int itemCount,
                                SecondOpinion.Reason reason, SecondOpinion.State state,
                                @Schema(description = "The first grader's category; withheld from everyone else while "
                                        + "the second opinion is awaited, so that the second grader decides blind")
                                String firstCategory,
                                String firstBy, Instant firstAt, String secondCategory, String secondBy, Instant secondAt,
                                String secondNote, String resolvedCategory, String resolvedBy, Instant resolvedAt,
                                String resolutionNote, long version) {

    public static SecondOpinionView of(SecondOpinion o, String caseReference, String viewer) {
        boolean blind = o.state == SecondOpinion.State.AWAITING && !o.firstBy.equals(viewer);
        return new SecondOpinionView(o.id, o.caseId, caseReference, o.mediaId, o.itemCount, o.reason, o.state,
                blind ? null : o.firstCategory, o.firstBy, o.firstAt, o.secondCategory, o.secondBy, o.secondAt,
                o.secondNote, o.resolvedCategory, o.resolvedBy, o.resolvedAt, o.resolutionNote, o.version);
    }
}
