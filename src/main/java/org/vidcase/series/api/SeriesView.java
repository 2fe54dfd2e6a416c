package org.vidcase.series.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditSubject;
import org.vidcase.series.domain.Series;
import org.vidcase.series.domain.SeriesStatus;

/**
 * A series as its case team sees it. {@code members} is filled when one series is read, empty in
 * lists; the counts are always there. {@code version} must be sent back with a change.
 */
public record SeriesView(UUID id, UUID caseId, String reference, String name, SeriesStatus status,
                         boolean victimIdentified, boolean offenderIdentified, String notes, UUID mergedInto,
                         long confirmed, long suggested, long rejected, List<UUID> linkedCases,
                         List<SeriesMemberView> members, String createdBy, Instant createdAt, Instant updatedAt,
                         long version) implements AuditSubject {

    public static SeriesView of(Series s, long confirmed, long suggested, long rejected, List<UUID> linkedCases,
                                List<SeriesMemberView> members) {
        return new SeriesView(s.id, s.caseId, s.reference, s.name, s.status, s.victimIdentified, s.offenderIdentified,
                s.notes, s.mergedInto, confirmed, suggested, rejected, linkedCases, members, s.createdBy, s.createdAt,
                s.updatedAt, s.version);
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
