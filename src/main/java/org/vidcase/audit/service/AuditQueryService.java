package org.vidcase.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.vidcase.audit.domain.AuditEvent;
import org.vidcase.audit.domain.AuditEventRepository.AuditQuery;
import org.vidcase.audit.domain.AuditEventRepository;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.shared.request.RequestInfo;
import org.vidcase.shared.security.CurrentUser;

/** Auditors' read access to the trail; reading and verifying it are themselves audited. */
@ApplicationScoped
public class AuditQueryService {

    private final AuditEventRepository events;
    private final AuditVerifier verifier;
    private final AuditTrail trail;
    private final CurrentUser user;
    private final RequestInfo request;

    public AuditQueryService(AuditEventRepository events, AuditVerifier verifier, AuditTrail trail, CurrentUser user,
                             RequestInfo request) {
        this.events = events;
        this.verifier = verifier;
        this.trail = trail;
        this.user = user;
        this.request = request;
    }

    @Audited(AuditAction.AUDIT_QUERY)
    public List<AuditEvent> search(AuditQuery query) {
        return events.search(query);
    }

    /** Verifies in short read transactions of its own, then records who verified and what was found. */
    public ChainVerification verifyNow() {
        ChainVerification result = verifier.verify(done -> { });
        trail.appendSeparately(verificationEntry(user.name(), request.requestId(), result));
        return result;
    }

    public static AuditEntry verificationEntry(String actor, String requestId, ChainVerification result) {
        String detail = result.intact()
                ? "intact: " + result.eventsChecked() + " events"
                : "broken at row " + result.brokenAtSeq() + ": " + result.reason();
        return AuditEntry.of(actor, AuditAction.AUDIT_VERIFY, null, null, AuditOutcome.SUCCESS, null, requestId, detail);
    }
}
