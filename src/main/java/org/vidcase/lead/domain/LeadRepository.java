package org.vidcase.lead.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Year;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class LeadRepository implements PanacheRepositoryBase<Lead, UUID> {

    public Optional<Lead> inCase(UUID caseId, UUID leadId) {
        return find("id = ?1 and caseId = ?2", leadId, caseId).firstResultOptional();
    }

    /** The lead, locked for the rest of the transaction so that concurrent edits queue. */
    public Optional<Lead> lockedInCase(UUID caseId, UUID leadId) {
        return find("id = ?1 and caseId = ?2", leadId, caseId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** A new reference, {@code L-<year>-<number>}, unique in the deployment. */
    public String nextReference() {
        Number n = (Number) getEntityManager().createNativeQuery("SELECT nextval('lead_number_seq')").getSingleResult();
        return String.format("L-%d-%06d", Year.now().getValue(), n.longValue());
    }
}
