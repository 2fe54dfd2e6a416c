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
                         boolean victimIdentified, IdentifiedBy victimIdentifiedBy, boolean offenderIdentified,
                         IdentifiedBy offenderIdentifiedBy, String notes, UUID mergedInto,
                         long confirmed, long suggested, long rejected, List<UUID> linkedCases,
                         List<SeriesMemberView> members, String createdBy, Instant createdAt, Instant updatedAt,
                         long version) implements AuditSubject {

    public static SeriesView of(Series s, long confirmed, long suggested, long rejected, List<UUID> linkedCases,
                                List<SeriesMemberView> members) {
        return new SeriesView(s.id, s.caseId, s.reference, s.name, s.status, s.victimIdentified,
                IdentifiedBy.of(s.victimRecord, s.victimLead), s.offenderIdentified,
                IdentifiedBy.of(s.offenderRecord, s.offenderLead), s.notes, s.mergedInto, confirmed, suggested, rejected, linkedCases, members, s.createdBy, s.createdAt,
                s.updatedAt, s.version);
    }

    /** The identification record that set a flag, and the lead it came from (null when the record names none). */
    public record IdentifiedBy(UUID identificationId, UUID leadId) {
        static IdentifiedBy of(UUID record, UUID lead) {
            return record == null ? null : new IdentifiedBy(record, lead);
        }
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
