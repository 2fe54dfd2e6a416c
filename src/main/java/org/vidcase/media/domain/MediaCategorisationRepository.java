package org.vidcase.media.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MediaCategorisationRepository implements PanacheRepositoryBase<MediaCategorisation, UUID> {

    public List<MediaCategorisation> history(UUID mediaId) {
        return list("mediaId", Sort.by("categorisedAt"), mediaId);
    }

    /** The rows one decision wrote, one per item. */
    public List<MediaCategorisation> ofDecision(UUID decisionId) {
        return list("decisionId", Sort.by("categorisedAt"), decisionId);
    }

    /** The latest history row of each of the items. */
    public java.util.Map<UUID, MediaCategorisation> latest(java.util.Collection<UUID> mediaIds) {
        java.util.Map<UUID, MediaCategorisation> latest = new java.util.HashMap<>();
        if (mediaIds.isEmpty()) {
            return latest;
        }
        for (MediaCategorisation c : list("mediaId in ?1", Sort.by("categorisedAt"), mediaIds)) {
            latest.put(c.mediaId, c);
        }
        return latest;
    }
}
