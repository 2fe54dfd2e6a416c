package org.vidcase.media.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MediaLocationRepository implements PanacheRepositoryBase<MediaLocation, UUID> {

    public List<MediaLocation> ofMedia(UUID mediaId) {
        return list("mediaId", mediaId);
    }

    public List<MediaLocation> ofMedia(Collection<UUID> mediaIds) {
        return mediaIds.isEmpty() ? List.of() : list("mediaId in ?1", mediaIds);
    }

    public boolean exists(UUID mediaId, String locationKey) {
        return count("mediaId = ?1 and locationKey = ?2", mediaId, locationKey) > 0;
    }
}
