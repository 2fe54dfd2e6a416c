package org.vidcase.hub.api;

import java.time.LocalDate;
import java.util.List;
import org.vidcase.audit.service.AuditSubject;

/** An entry at the hub, for its reviewers: hashes, grade, and every country's submission and feedback. */
public record HubEntryView(long id, boolean live, String status, String category, String md5, String sha1, String sha256,
                           String pdq, String mediaType, boolean baseline, boolean victimIdentified,
                           boolean offenderIdentified, boolean distributed, int submissions, int agreeing,
                           List<String> dissenting, String series, int seriesCountries, LocalDate firstSubmitted,
                           String resolvedCategory, String resolvedBy, List<SubmissionView> submissionsByCountry,
                           List<FeedbackView> feedback)
        implements AuditSubject {

    @Override
    public String auditObjectId() {
        return Long.toString(id);
    }

    @Override
    public java.util.UUID auditCaseId() {
        return null;
    }
}
