package org.vidcase.hub.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class HubNodeKeyRepository implements PanacheRepositoryBase<HubNodeKey, String> {

    public List<HubNodeKey> ofNode(String clientId) {
        return list("clientId", Sort.by("addedAt").and("keyId"), clientId);
    }
}
