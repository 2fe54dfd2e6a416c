package org.vidcase.lead.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IdentificationRepository implements PanacheRepositoryBase<Identification, UUID> {

    public List<Identification> ofCase(UUID caseId) {
        return list("caseId", Sort.by("recordedAt").and("id"), caseId);
    }

    public Optional<Identification> lockedInCase(UUID caseId, UUID id) {
        return find("id = ?1 and caseId = ?2", id, caseId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
