package org.vidcase.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.vidcase.media.domain.MediaItem;
import org.vidcase.media.domain.SecondOpinion;
import org.vidcase.media.domain.SecondOpinionRepository;
import org.vidcase.shared.category.CategoryScheme;

/**
 * Decides, inside the categorising transaction, whether a decision needs a second grader: every
 * decision to an alert category, and a configurable share of the others. A new decision on an
 * item withdraws the request still waiting on it, and an undo withdraws the undone decision's.
 */
@ApplicationScoped
public class SecondOpinions {

    private final SecondOpinionRepository opinions;
    private final CategoryScheme scheme;
    private final SecondOpinionConfig config;

    public SecondOpinions(SecondOpinionRepository opinions, CategoryScheme scheme, SecondOpinionConfig config) {
        this.opinions = opinions;
        this.scheme = scheme;
        this.config = config;
    }

    void consider(UUID caseId, MediaItem decided, UUID decision, int itemCount) {
        List<SecondOpinion> waiting = opinions.awaitingFor(List.of(decided.id));
        waiting.forEach(o -> o.state = SecondOpinion.State.WITHDRAWN);
        SecondOpinion.Reason reason = config.alerts() && scheme.isAlert(decided.category) ? SecondOpinion.Reason.ALERT
                : SecondOpinionSampler.picked(decision, config.share()) ? SecondOpinion.Reason.SAMPLE : null;
        if (reason == null) {
            return;
        }
        SecondOpinion o = new SecondOpinion();
        o.id = UUID.randomUUID();
        o.caseId = caseId;
        o.mediaId = decided.id;
        o.decisionId = decision;
        o.itemCount = itemCount;
        o.reason = reason;
        o.state = SecondOpinion.State.AWAITING;
        o.firstCategory = decided.category;
        o.firstBy = decided.categorisedBy;
        o.firstAt = decided.categorisedAt;
        opinions.persist(o);
    }

    void withdraw(UUID decision) {
        opinions.ofDecision(decision).filter(o -> o.state == SecondOpinion.State.AWAITING)
                .ifPresent(o -> o.state = SecondOpinion.State.WITHDRAWN);
    }
}
