package org.vidcase.hashset.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReferenceHashSetRepository implements PanacheRepositoryBase<ReferenceHashSet, UUID> {

    public List<ReferenceHashSet> all() {
        return listAll(Sort.by("name").and("setVersion"));
    }

    public boolean exists(String name, String setVersion) {
        return count("name = ?1 and setVersion = ?2", name, setVersion) > 0;
    }
}
