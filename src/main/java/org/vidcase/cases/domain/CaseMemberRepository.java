package org.vidcase.cases.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CaseMemberRepository implements PanacheRepositoryBase<CaseMember, UUID> {

    public Optional<CaseMember> find(UUID caseId, String username) {
        return find("caseId = ?1 and username = ?2", caseId, username).firstResultOptional();
    }

    public List<CaseMember> ofCase(UUID caseId) {
        return list("caseId", Sort.by("username"), caseId);
    }

    /** The cases the user is on the team of, whatever their role. */
    public List<UUID> caseIdsOf(String username) {
        return getEntityManager().createQuery("select m.caseId from CaseMember m where m.username = ?1", UUID.class)
                .setParameter(1, username).getResultList();
    }

    public long countLeads(UUID caseId) {
        return count("caseId = ?1 and role = ?2", caseId, CaseRole.LEAD);
    }
}
