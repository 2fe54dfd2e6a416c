package org.vidcase.lead.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReferralRepository implements PanacheRepositoryBase<Referral, UUID> {

    public List<Referral> ofLead(UUID leadId) {
        return list("leadId", Sort.by("recordedAt").and("id"), leadId);
    }

    public Optional<Referral> ofLead(UUID leadId, UUID referralId) {
        return find("id = ?1 and leadId = ?2", referralId, leadId).firstResultOptional();
    }

    public long outstanding(UUID leadId) {
        return count("leadId = ?1 and state = ?2", leadId, ReferralState.SENT);
    }
}
