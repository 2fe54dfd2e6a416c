package org.vidcase.retention.api;

import java.time.Instant;
import java.util.UUID;

import org.vidcase.retention.domain.CaseDisposal;
import org.vidcase.retention.domain.DisposalState;

/** An entry of the disposal register. */
public record DisposalView(UUID id, UUID caseId, String caseReference, String unit, Instant closedAt,
                           Instant retainUntil, DisposalState state, String approvedBy, Instant approvedAt,
                           String legalBasis, UUID jobId, String rowsRemoved, Integer objectsRemoved,
                           Integer objectsKept, Instant keyDestroyedAt, Instant disposedAt, String stoppedReason) {

    public static DisposalView of(CaseDisposal d) {
        return new DisposalView(d.id, d.caseId, d.caseReference, d.unit, d.closedAt, d.retainUntil, d.state,
                d.approvedBy, d.approvedAt, d.legalBasis, d.jobId, d.rowsRemoved, d.objectsRemoved, d.objectsKept,
                d.keyDestroyedAt, d.disposedAt, d.stoppedReason);
    }
}
