package org.vidcase.series.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SeriesEventRepository implements PanacheRepository<SeriesEvent> {

    public List<SeriesEvent> ofSeries(UUID seriesId) {
        return list("seriesId", Sort.by("id"), seriesId);
    }
}
