package org.vidcase.series.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SeriesMemberRepository implements PanacheRepositoryBase<SeriesMember, SeriesMember.Key> {

    public List<SeriesMember> ofSeries(UUID seriesId) {
        return list("seriesId", Sort.by("joinedAt").and("mediaItemId"), seriesId);
    }

    public Optional<SeriesMember> find(UUID seriesId, UUID mediaItemId) {
        return findByIdOptional(new SeriesMember.Key(seriesId, mediaItemId));
    }

    /** The membership that puts the item in a series now (suggested or confirmed), if any. */
    public Optional<SeriesMember> current(UUID mediaItemId) {
        return find("mediaItemId = ?1 and state <> ?2", mediaItemId, MemberState.REJECTED).firstResultOptional();
    }

    public List<SeriesMember> current(Collection<UUID> mediaItemIds) {
        return mediaItemIds.isEmpty() ? List.of()
                : list("mediaItemId in ?1 and state <> ?2", mediaItemIds, MemberState.REJECTED);
    }

    public long countInState(UUID seriesId, MemberState state) {
        return count("seriesId = ?1 and state = ?2", seriesId, state);
    }
}
