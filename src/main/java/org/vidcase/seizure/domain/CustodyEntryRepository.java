package org.vidcase.seizure.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CustodyEntryRepository implements PanacheRepositoryBase<CustodyEntry, UUID> {

    public List<CustodyEntry> ofSeizure(UUID seizureId) {
        return list("seizureId", Sort.by("seq"), seizureId);
    }

    public int nextSeq(UUID seizureId) {
        Integer max = getEntityManager()
                .createQuery("select max(c.seq) from CustodyEntry c where c.seizureId = ?1", Integer.class)
                .setParameter(1, seizureId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
