package org.vidcase.lead.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ClueRepository implements PanacheRepositoryBase<Clue, UUID> {

    public List<Clue> ofLead(UUID leadId) {
        return list("leadId", Sort.by("addedAt").and("id"), leadId);
    }

    public Optional<Clue> lockedOfLead(UUID leadId, UUID clueId) {
        return find("id = ?1 and leadId = ?2", clueId, leadId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }
}
