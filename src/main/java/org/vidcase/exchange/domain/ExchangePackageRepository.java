package org.vidcase.exchange.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ExchangePackageRepository implements PanacheRepositoryBase<ExchangePackage, UUID> {

    public Optional<ExchangePackage> locked(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<ExchangePackage> newestFirst(PackageState state, int page, int size) {
        Sort order = Sort.by("composedAt").descending().and("id");
        return (state == null ? findAll(order) : find("state", order, state)).page(Page.of(page, size)).list();
    }
}
