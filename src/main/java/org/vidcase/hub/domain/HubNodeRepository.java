package org.vidcase.hub.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class HubNodeRepository implements PanacheRepositoryBase<HubNode, String> {

    public List<HubNode> all() {
        return listAll(Sort.by("country").and("clientId"));
    }
}
