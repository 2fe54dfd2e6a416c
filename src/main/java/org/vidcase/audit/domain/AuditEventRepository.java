package org.vidcase.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, Long> {

    /** Filters are optional; results are newest first. */
    public List<AuditEvent> search(AuditQuery query) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.caseId() != null) {
            where.add("caseId = :caseId");
            params.and("caseId", query.caseId());
        }
        if (query.actor() != null) {
            where.add("actor = :actor");
            params.and("actor", query.actor());
        }
        if (query.action() != null) {
            where.add("action = :action");
            params.and("action", query.action());
        }
        if (query.objectId() != null) {
            where.add("objectId = :objectId");
            params.and("objectId", query.objectId());
        }
        if (query.from() != null) {
            where.add("occurredAt >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.add("occurredAt < :to");
            params.and("to", query.to());
        }
        String hql = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return find(hql, Sort.descending("seq"), params).page(query.page(), query.size()).list();
    }

    /** Rows with seq greater than {@code afterSeq}, oldest first, for chain verification. */
    public List<AuditEvent> chunkAfter(long afterSeq, int size) {
        return find("seq > ?1", Sort.ascending("seq"), afterSeq).page(0, size).list();
    }

    /** Filter of the audit trail listing. */
    public record AuditQuery(UUID caseId, String actor, String action, String objectId, Instant from, Instant to,
                             int page, int size) {
    }
}
