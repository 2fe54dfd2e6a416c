package org.vidcase.media.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SecondOpinionRepository implements PanacheRepositoryBase<SecondOpinion, UUID> {

    public Optional<SecondOpinion> inCase(UUID caseId, UUID id) {
        return find("id = ?1 and caseId = ?2", id, caseId).firstResultOptional();
    }

    public Optional<SecondOpinion> ofDecision(UUID decisionId) {
        return find("decisionId", decisionId).firstResultOptional();
    }

    /** Requests still waiting for a second grader on these items. */
    public List<SecondOpinion> awaitingFor(Collection<UUID> mediaIds) {
        return mediaIds.isEmpty() ? List.of()
                : list("mediaId in ?1 and state = ?2", mediaIds, SecondOpinion.State.AWAITING);
    }

    /**
     * Requests of the given cases in a state, oldest first; {@code notBy} leaves out decisions of
     * that grader (nobody gives the second opinion on their own decision).
     */
    public List<SecondOpinion> queue(Collection<UUID> caseIds, SecondOpinion.State state, String notBy, int limit) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        String query = "caseId in :cases and state = :state" + (notBy == null ? "" : " and firstBy <> :notBy");
        Parameters p = Parameters.with("cases", caseIds).and("state", state);
        if (notBy != null) {
            p.and("notBy", notBy);
        }
        return find(query, Sort.by("firstAt").and("id"), p).page(0, limit).list();
    }
}
