package org.vidcase.media.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.domain.CaseRepository;
import org.vidcase.cases.domain.VidCase;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.media.api.GradeRequest;
import org.vidcase.media.api.SecondOpinionView;
import org.vidcase.media.domain.SecondOpinion;
import org.vidcase.media.domain.SecondOpinionRepository;
import org.vidcase.shared.category.CategoryScheme;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * The second-opinion queues: decisions awaiting a second grader (never one's own), disagreements
 * awaiting a supervisor; grading and resolving. Both decisions stay on the record.
 */
@ApplicationScoped
public class SecondOpinionService {

    private final SecondOpinionRepository opinions;
    private final CaseRepository cases;
    private final CaseAccess access;
    private final CurrentUser user;
    private final CategoryScheme scheme;
    private final MediaService media;

    public SecondOpinionService(SecondOpinionRepository opinions, CaseRepository cases, CaseAccess access,
                                CurrentUser user, CategoryScheme scheme, MediaService media) {
        this.opinions = opinions;
        this.cases = cases;
        this.access = access;
        this.user = user;
        this.scheme = scheme;
        this.media = media;
    }

    /**
     * A queue over the cases the caller may see, or one of them: AWAITING lists the decisions of
     * others waiting for a second grader, DISAGREED those waiting for a supervisor.
     */
    @Audited(AuditAction.MEDIA_SECOND_OPINIONS)
    public List<SecondOpinionView> queue(@AuditCase UUID caseId, SecondOpinion.State state, int limit) {
        List<UUID> caseIds = caseId != null ? List.of(access.readable(caseId).id) : access.readableCaseIds();
        String notBy = state == SecondOpinion.State.AWAITING ? user.name() : null;
        List<SecondOpinion> found = opinions.queue(caseIds, state, notBy, limit);
        Map<UUID, String> references = cases.list("id in ?1", found.stream().map(o -> o.caseId).distinct().toList())
                .stream().collect(Collectors.toMap(c -> c.id, c -> c.reference));
        AuditDetails.record(state + ": " + found.size());
        return found.stream().map(o -> SecondOpinionView.of(o, references.get(o.caseId), user.name())).toList();
    }

    /** The second grader's category: the same as the first agrees, another is a disagreement for a supervisor. */
    @Audited(AuditAction.MEDIA_SECOND_OPINION)
    public SecondOpinionView grade(@AuditCase UUID caseId, @AuditObject UUID id, @Valid @NotNull GradeRequest request) {
        VidCase c = access.workable(caseId);
        SecondOpinion o = find(caseId, id);
        requireVersion(o, request.version());
        if (o.state != SecondOpinion.State.AWAITING) {
            throw new ConflictException("This decision is no longer awaiting a second opinion (" + o.state + ")");
        }
        if (o.firstBy.equals(user.name())) {
            throw new RuleViolationException("The second opinion must come from another grader than " + o.firstBy);
        }
        scheme.require(request.category());
        o.secondCategory = request.category();
        o.secondBy = user.name();
        o.secondAt = Instant.now();
        o.secondNote = blankToNull(request.note());
        o.state = o.secondCategory.equals(o.firstCategory) ? SecondOpinion.State.AGREED : SecondOpinion.State.DISAGREED;
        AuditDetails.record("{\"first\":\"" + o.firstCategory + "\",\"second\":\"" + o.secondCategory + "\",\"state\":\""
                + o.state + "\"}");
        opinions.flush();
        return SecondOpinionView.of(o, c.reference, user.name());
    }

    /**
     * A supervisor's decision on a disagreement. A category other than the first grader's is given
     * to the items the first decision covered that nobody has categorised since.
     */
    @Audited(AuditAction.MEDIA_OPINION_RESOLVE)
    public SecondOpinionView resolve(@AuditCase UUID caseId, @AuditObject UUID id, @Valid @NotNull GradeRequest request) {
        VidCase c = access.workable(caseId);
        if (!access.supervises(c)) {
            throw new io.quarkus.security.ForbiddenException();
        }
        SecondOpinion o = find(caseId, id);
        requireVersion(o, request.version());
        if (o.state != SecondOpinion.State.DISAGREED) {
            throw new ConflictException("Only a disagreement is resolved; this one is " + o.state);
        }
        if (request.note() == null || request.note().isBlank()) {
            throw new RuleViolationException("A resolution needs a note saying why");
        }
        scheme.require(request.category());
        int changed = request.category().equals(o.firstCategory) ? 0
                : media.resolveDecision(caseId, o.decisionId, request.category(),
                        "Second-opinion resolution: " + request.note());
        o.resolvedCategory = request.category();
        o.resolvedBy = user.name();
        o.resolvedAt = Instant.now();
        o.resolutionNote = request.note();
        o.state = SecondOpinion.State.RESOLVED;
        AuditDetails.record("{\"first\":\"" + o.firstCategory + "\",\"second\":\"" + o.secondCategory + "\",\"resolved\":\""
                + o.resolvedCategory + "\",\"itemsChanged\":" + changed + "}");
        opinions.flush();
        return SecondOpinionView.of(o, c.reference, user.name());
    }

    private SecondOpinion find(UUID caseId, UUID id) {
        return opinions.inCase(caseId, id).orElseThrow(() -> new ResourceNotFoundException("Second opinion", id));
    }

    private static void requireVersion(SecondOpinion o, Long version) {
        if (version == null || version != o.version) {
            throw new ConflictException("The second opinion changed since it was read (version " + o.version
                    + "); read it again");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
