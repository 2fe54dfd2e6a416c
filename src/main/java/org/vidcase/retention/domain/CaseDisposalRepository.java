package org.vidcase.retention.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CaseDisposalRepository implements PanacheRepositoryBase<CaseDisposal, UUID> {

    public Optional<CaseDisposal> ofCase(UUID caseId) {
        return find("caseId", caseId).firstResultOptional();
    }

    /** The register as a supervisor of {@code unit} sees it (their unit's and unit-less cases), newest first. */
    public List<CaseDisposal> ofUnit(String unit) {
        return list("(unit is null or unit = ?1) order by approvedAt desc", unit);
    }

    public List<CaseDisposal> all() {
        return list("order by approvedAt desc");
    }
}
