package org.vidcase.series.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SeriesRepository implements PanacheRepositoryBase<Series, UUID> {

    public List<Series> ofCase(UUID caseId) {
        return list("caseId", Sort.by("createdAt").and("reference"), caseId);
    }

    public Optional<Series> inCase(UUID caseId, UUID seriesId) {
        return find("id = ?1 and caseId = ?2", seriesId, caseId).firstResultOptional();
    }

    /** The series, locked for the rest of the transaction so that concurrent edits queue. */
    public Optional<Series> lockedInCase(UUID caseId, UUID seriesId) {
        return find("id = ?1 and caseId = ?2", seriesId, caseId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** A new reference, {@code S-<year>-<number>}, unique in the deployment. */
    public String nextReference() {
        Number n = (Number) getEntityManager().createNativeQuery("SELECT nextval('series_number_seq')").getSingleResult();
        return String.format("S-%d-%06d", Year.now().getValue(), n.longValue());
    }
}
