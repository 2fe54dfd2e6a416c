package org.vidcase.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<VidCase, UUID> {

    /** The case of this unit (null: of no unit) with this reference; references are unique per unit. */
    public Optional<VidCase> findByReference(String unit, String reference) {
        return unit == null ? find("unit is null and reference = ?1", reference).firstResultOptional()
                : find("unit = ?1 and reference = ?2", unit, reference).firstResultOptional();
    }

    public List<VidCase> all(CaseStatus status) {
        return status == null ? listAll(Sort.by("createdAt").descending())
                : list("status", Sort.by("createdAt").descending(), status);
    }

    /** The cases of a unit, and those without one. */
    public List<VidCase> ofUnit(String unit, CaseStatus status) {
        String query = "(unit is null or unit = ?1)" + (status == null ? "" : " and status = ?2");
        Sort sort = Sort.by("createdAt").descending();
        return status == null ? list(query, sort, unit) : list(query, sort, unit, status);
    }

    public List<VidCase> ofMember(String username, CaseStatus status) {
        String query = "id in (select m.caseId from CaseMember m where m.username = ?1)"
                + (status == null ? "" : " and status = ?2");
        Sort sort = Sort.by("createdAt").descending();
        return status == null ? list(query, sort, username) : list(query, sort, username, status);
    }
}
