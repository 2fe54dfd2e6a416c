package org.vidcase.audit.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.LongConsumer;
import org.vidcase.audit.domain.AuditEvent;
import org.vidcase.audit.domain.AuditEventRepository;

/** Recomputes the chain from the first row and reports the first link that does not hold. */
@ApplicationScoped
public class AuditVerifier {

    private static final int CHUNK = 2_000;

    private final AuditEventRepository events;

    public AuditVerifier(AuditEventRepository events) {
        this.events = events;
    }

    public long count() {
        return QuarkusTransaction.requiringNew().call(events::count);
    }

    /** Reads in chunks, each in a short transaction, so a long trail neither pins memory nor a connection. */
    public ChainVerification verify(LongConsumer progress) {
        long expectedSeq = 1;
        String prevHash = AuditChain.GENESIS;
        long checked = 0;
        while (true) {
            long after = expectedSeq - 1;
            List<AuditEvent> chunk = QuarkusTransaction.requiringNew().call(() -> events.chunkAfter(after, CHUNK));
            if (chunk.isEmpty()) {
                return ChainVerification.intact(checked, prevHash);
            }
            for (AuditEvent e : chunk) {
                if (e.seq != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, null,
                            "row " + expectedSeq + " is missing (next row is " + e.seq + ")");
                }
                if (!prevHash.equals(e.prevHash)) {
                    return ChainVerification.broken(checked, e.seq, e.id,
                            "previous-hash does not match the hash of row " + (e.seq - 1));
                }
                String recomputed = AuditChain.hash(e.seq, e.id, e.occurredAt, e.actor, e.action, e.objectType,
                        e.objectId, e.caseId, e.outcome, e.justification, e.requestId, e.detail, e.sessionId,
                        e.authentication, e.prevHash);
                if (!recomputed.equals(e.hash)) {
                    return ChainVerification.broken(checked, e.seq, e.id, "content does not match its stored hash");
                }
                prevHash = e.hash;
                expectedSeq++;
                checked++;
            }
            progress.accept(checked);
        }
    }
}
