package org.vidcase.seizure.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SeizureRepository implements PanacheRepositoryBase<Seizure, UUID> {

    public List<Seizure> ofCase(UUID caseId) {
        return list("caseId", Sort.by("createdAt"), caseId);
    }

    public Optional<Seizure> inCase(UUID caseId, UUID seizureId) {
        return find("id = ?1 and caseId = ?2", seizureId, caseId).firstResultOptional();
    }

    public boolean referenceTaken(UUID caseId, String reference) {
        return count("caseId = ?1 and reference = ?2", caseId, reference) > 0;
    }
}
