package org.vidcase.matching.api;

import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;

/**
 * How far known-hash matching reduced a seizure: every file found on it falls in exactly one of
 * alert (first copy of an item matching known abuse material), ignorable (first copy of a
 * known-good file), duplicate (a further copy of an item already counted), reviewed (first copy of
 * an unknown item a person categorised), to review (first copy of an unknown item nobody has
 * categorised yet) or pending (first copy of a video still waiting to be decoded and matched, which
 * may yet turn out known). Percentages are of all files and add up to 100 (up to rounding).
 * {@code videos} counts the distinct items that are videos.
 */
public record ReductionReport(UUID caseId, UUID seizureId, String seizureReference, long files, long distinctItems,
                              Share alert, Share ignorable, Share duplicates, Share reviewed, Share toReview,
                              Share videosPending, long videos, long alertPreCategorised, long alertExact, long alertNearOnly)
        implements AuditSubject {

    /** A count and its share of all files, in percent with one decimal. */
    public record Share(long count, double percent) {

        public static Share of(long count, long files) {
            return new Share(count, files == 0 ? 0 : Math.round(count * 1000.0 / files) / 10.0);
        }
    }

    @Override
    public String auditObjectId() {
        return seizureId.toString();
    }

    @Override
    public UUID auditCaseId() {
        return caseId;
    }
}
