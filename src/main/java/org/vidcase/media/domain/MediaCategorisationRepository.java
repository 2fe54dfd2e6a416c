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
}
