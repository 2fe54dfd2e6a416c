package org.vidcase.cases.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditJustification;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.api.CaseMemberView;
import org.vidcase.cases.api.CaseView;
import org.vidcase.cases.api.CloseCaseRequest;
import org.vidcase.cases.api.CreateCaseRequest;
import org.vidcase.cases.api.SetMemberRequest;
import org.vidcase.cases.domain.CaseMember;
import org.vidcase.cases.domain.CaseMemberRepository;
import org.vidcase.cases.domain.CaseRepository;
import org.vidcase.cases.domain.CaseRole;
import org.vidcase.cases.domain.CaseStatus;
import org.vidcase.cases.domain.VidCase;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/** Cases and their teams. Every method is audited and transactional through {@link Audited}. */
@ApplicationScoped
public class CaseService {

    /** Keycloak user names as the realm allows them. */
    public static final String USERNAME = "[A-Za-z0-9._@-]{2,100}";

    private final CaseRepository cases;
    private final CaseMemberRepository members;
    private final CaseAccess access;
    private final CurrentUser user;
    private final RetentionConfig retention;

    public CaseService(CaseRepository cases, CaseMemberRepository members, CaseAccess access, CurrentUser user,
                       RetentionConfig retention) {
        this.retention = retention;
        this.cases = cases;
        this.members = members;
        this.access = access;
        this.user = user;
    }

    @Audited(AuditAction.CASE_CREATE)
    public CaseView create(@Valid @NotNull CreateCaseRequest request) {
        // Unique within the unit only: telling someone of another unit about a clash would tell them the case exists.
        if (cases.findByReference(user.unit(), request.reference()).isPresent()) {
            throw new ConflictException(user.unit() == null ? "A case without a unit already has reference " + request.reference()
                    : "Your unit (" + user.unit() + ") already has a case with reference " + request.reference());
        }
        VidCase created = new VidCase();
        created.id = UUID.randomUUID();
        created.reference = request.reference();
        created.title = request.title().strip();
        created.description = request.description();
        created.status = CaseStatus.OPEN;
        created.createdBy = user.name();
        created.createdAt = Instant.now();
        created.unit = user.unit();
        cases.persist(created);
        addMember(created.id, user.name(), CaseRole.LEAD);
        return CaseView.of(created, CaseRole.LEAD);
    }

    @Audited(AuditAction.CASE_LIST)
    public List<CaseView> list(CaseStatus status) {
        List<VidCase> visible = user.isSupervisor() ? supervised(status) : cases.ofMember(user.name(), status);
        return visible.stream().map(c -> CaseView.of(c, access.roleOfCaller(c.id).orElse(null))).toList();
    }

    /** A supervisor's view: the cases of their unit (and those without a unit), and any they are on. */
    private List<VidCase> supervised(CaseStatus status) {
        java.util.Map<UUID, VidCase> out = new java.util.LinkedHashMap<>();
        cases.ofUnit(user.unit(), status).forEach(c -> out.put(c.id, c));
        cases.ofMember(user.name(), status).forEach(c -> out.putIfAbsent(c.id, c));
        return out.values().stream().sorted(java.util.Comparator.comparing((VidCase c) -> c.createdAt).reversed()).toList();
    }

    @Audited(AuditAction.CASE_VIEW)
    public CaseView get(@AuditCase UUID caseId) {
        VidCase found = access.readable(caseId);
        return CaseView.of(found, access.roleOfCaller(caseId).orElse(null));
    }

    @Audited(AuditAction.CASE_CLOSE)
    public CaseView close(@AuditCase UUID caseId, @AuditJustification String reason,
                          @Valid @NotNull CloseCaseRequest request) {
        VidCase found = access.manageable(caseId);
        CaseAccess.requireOpen(found);
        found.status = CaseStatus.CLOSED;
        found.closedBy = user.name();
        found.closedAt = Instant.now();
        found.closingReason = request.reason();
        found.retainUntil = found.closedAt.plus(retention.closedCasePeriod());
        return CaseView.of(found, access.roleOfCaller(caseId).orElse(null));
    }

    @Audited(AuditAction.CASE_MEMBERS_VIEW)
    public List<CaseMemberView> members(@AuditCase UUID caseId) {
        access.readable(caseId);
        return members.ofCase(caseId).stream().map(CaseMemberView::of).toList();
    }

    @Audited(AuditAction.CASE_MEMBER_SET)
    public CaseMemberView setMember(@AuditCase UUID caseId,
                                    @AuditObject @Pattern(regexp = USERNAME, message = "is not a valid user name") String username,
                                    @Valid @NotNull SetMemberRequest request) {
        VidCase found = access.manageable(caseId);
        CaseMember member = members.find(caseId, username).orElse(null);
        // On a closed case access may still be withdrawn or lowered, never granted or raised.
        if (member == null || rank(request.role()) > rank(member.role)) {
            CaseAccess.requireOpen(found);
        }
        if (member == null) {
            return CaseMemberView.of(addMember(caseId, username, request.role()));
        }
        if (member.role == CaseRole.LEAD && request.role() != CaseRole.LEAD && members.countLeads(caseId) == 1) {
            throw new RuleViolationException("A case keeps at least one lead: appoint another lead first");
        }
        member.role = request.role();
        return CaseMemberView.of(member);
    }

    @Audited(AuditAction.CASE_MEMBER_REMOVE)
    public void removeMember(@AuditCase UUID caseId,
                             @AuditObject @Pattern(regexp = USERNAME, message = "is not a valid user name") String username) {
        access.manageable(caseId);
        CaseMember member = members.find(caseId, username)
                .orElseThrow(() -> new ResourceNotFoundException("Member", username));
        if (member.role == CaseRole.LEAD && members.countLeads(caseId) == 1) {
            throw new RuleViolationException("A case keeps at least one lead: appoint another lead first");
        }
        members.delete(member);
    }

    /** How much a case role may do: OBSERVER < MEMBER < LEAD. */
    private static int rank(CaseRole role) {
        return switch (role) {
            case OBSERVER -> 0;
            case MEMBER -> 1;
            case LEAD -> 2;
        };
    }

    private CaseMember addMember(UUID caseId, String username, CaseRole role) {
        CaseMember member = new CaseMember();
        member.id = UUID.randomUUID();
        member.caseId = caseId;
        member.username = username;
        member.role = role;
        member.addedBy = user.name();
        member.addedAt = Instant.now();
        members.persist(member);
        return member;
    }
}
