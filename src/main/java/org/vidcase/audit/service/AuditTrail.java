package org.vidcase.audit.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.domain.AuditEvent;
import org.vidcase.audit.domain.AuditEventRepository;

/**
 * Appends to the hash chain. An advisory lock held until commit serialises writers, so each row
 * links to the row committed before it and sequence numbers have no gaps.
 */
@ApplicationScoped
public class AuditTrail {

    /** Arbitrary, fixed key of the transaction-scoped advisory lock that guards the chain head. */
    private static final long CHAIN_LOCK = 0x7669646361736501L;

    private final EntityManager em;
    private final AuditEventRepository events;
    private final AuditLogins logins;

    public AuditTrail(EntityManager em, AuditEventRepository events, AuditLogins logins) {
        this.em = em;
        this.events = events;
        this.logins = logins;
    }

    /** Writes in the caller's transaction: the event commits or rolls back with the action. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent append(AuditEntry entry) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> head = em.createNativeQuery("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
                .getResultList();
        long seq = head.isEmpty() ? 1 : ((Number) head.get(0)[0]).longValue() + 1;
        String prevHash = head.isEmpty() ? AuditChain.GENESIS : (String) head.get(0)[1];

        AuditEvent event = new AuditEvent();
        event.seq = seq;
        event.id = UUID.randomUUID();
        // PostgreSQL keeps microseconds; hashing what will be read back keeps verification exact.
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.actor = fit(entry.actor(), 200);
        event.action = fit(entry.action(), 100);
        event.objectType = fit(entry.objectType(), 50);
        event.objectId = fit(entry.objectId(), 200);
        event.caseId = entry.caseId();
        event.outcome = entry.outcome();
        event.justification = fit(entry.justification(), 10_000);
        event.requestId = fit(entry.requestId(), 64);
        event.detail = fit(entry.detail(), 10_000);
        AuditEntry withLogin = entry.sessionId() != null || entry.authentication() != null ? entry : logins.current(entry);
        event.sessionId = fit(withLogin.sessionId(), 100);
        event.authentication = fit(withLogin.authentication(), 200);
        event.prevHash = prevHash;
        event.hash = AuditChain.hash(seq, event.id, event.occurredAt, event.actor, event.action, event.objectType,
                event.objectId, event.caseId, event.outcome, event.justification, event.requestId, event.detail,
                event.sessionId, event.authentication, prevHash);
        events.persist(event);
        return event;
    }

    /**
     * Values come from requests (paths, justifications): an event must never fail to be written
     * because one is too long or holds a NUL, which PostgreSQL text cannot store.
     */
    static String fit(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replace('\u0000', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "\u2026";
    }

    /** For outcomes whose own transaction rolled back: recorded in a transaction of their own. */
    public void appendSeparately(AuditEntry entry) {
        QuarkusTransaction.requiringNew().run(() -> append(entry));
    }
}
