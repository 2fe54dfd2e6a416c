package org.vidcase.jobs.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.vidcase.audit.service.AuditQueryService;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.audit.service.AuditVerifier;
import org.vidcase.audit.service.ChainVerification;

/**
 * Verifies the whole audit chain in the background, for trails too long to check within one
 * request. It lives with the jobs, which sit above the audit trail, so that audit depends on no
 * feature that audits.
 */
@ApplicationScoped
public class AuditVerificationJob implements JobHandler {

    public static final String TYPE = "audit-verification";

    private final AuditVerifier verifier;
    private final AuditTrail trail;
    private final ObjectMapper json;

    public AuditVerificationJob(AuditVerifier verifier, AuditTrail trail, ObjectMapper json) {
        this.verifier = verifier;
        this.trail = trail;
        this.json = json;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Re-running from the first row is as cheap as resuming, and leaves no doubt about the result. */
    @Override
    public boolean resumable() {
        return false;
    }

    @Override
    public void run(JobContext context) throws Exception {
        context.total(verifier.count());
        long[] reported = {0};
        ChainVerification result = verifier.verify(checked -> {
            context.advance(checked - reported[0]);
            reported[0] = checked;
        });
        context.result(json.writeValueAsString(result));
        context.message(result.intact() ? "chain intact" : "chain broken at row " + result.brokenAtSeq());
        trail.appendSeparately(AuditQueryService.verificationEntry(context.owner(), null, result));
    }
}
