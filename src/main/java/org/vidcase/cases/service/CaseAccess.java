package org.vidcase.cases.service;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.vidcase.cases.domain.CaseMember;
import org.vidcase.cases.domain.CaseMemberRepository;
import org.vidcase.cases.domain.CaseRepository;
import org.vidcase.cases.domain.CaseRole;
import org.vidcase.cases.domain.CaseStatus;
import org.vidcase.cases.domain.VidCase;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.HiddenResourceException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.security.CurrentUser;

/**
 * Need-to-know, in one place: a case and everything in it is visible only to its team members
 * and to supervisors. Anyone else is told it does not exist.
 */
@ApplicationScoped
public class CaseAccess {

    private final CaseRepository cases;
    private final CaseMemberRepository members;
    private final CurrentUser user;

    public CaseAccess(CaseRepository cases, CaseMemberRepository members, CurrentUser user) {
        this.cases = cases;
        this.members = members;
        this.user = user;
    }

    /** The case, if the caller may know of it. */
    public VidCase readable(UUID caseId) {
        VidCase found = cases.findByIdOptional(caseId).orElseThrow(() -> new ResourceNotFoundException("Case", caseId));
        if (!supervises(found) && membership(caseId).isEmpty()) {
            throw new HiddenResourceException("Case", caseId);
        }
        return found;
    }

    /** The case, if the caller may add to it: an open case, and a lead or member (or a supervisor). */
    public VidCase workable(UUID caseId) {
        VidCase found = readable(caseId);
        if (!supervises(found) && membership(caseId).map(m -> m.role == CaseRole.OBSERVER).orElse(true)) {
            throw new ForbiddenException();
        }
        requireOpen(found);
        return found;
    }

    /** The case, if the caller runs its team: its lead or a supervisor. */
    public VidCase manageable(UUID caseId) {
        VidCase found = readable(caseId);
        if (!supervises(found) && membership(caseId).map(m -> m.role != CaseRole.LEAD).orElse(true)) {
            throw new ForbiddenException();
        }
        return found;
    }

    public boolean canRead(UUID caseId) {
        if (membership(caseId).isPresent()) {
            return true;
        }
        return user.isSupervisor() && cases.findByIdOptional(caseId).map(this::supervises).orElse(false);
    }

    /** Whether the caller supervises the case: a supervisor of its unit (any supervisor, for a case without one). */
    public boolean supervises(VidCase c) {
        return user.isSupervisor() && (c.unit == null || c.unit.equals(user.unit()));
    }

    /** Every case the caller may see; null would be "all", which no caller has since units. */
    public List<UUID> readableCaseIds() {
        java.util.Set<UUID> ids = new java.util.LinkedHashSet<>(members.caseIdsOf(user.name()));
        if (user.isSupervisor()) {
            cases.ofUnit(user.unit(), null).forEach(c -> ids.add(c.id));
        }
        return List.copyOf(ids);
    }

    /** Every case the caller supervises (those of their unit, and those without one); none for others. */
    public List<UUID> supervisedCaseIds() {
        return user.isSupervisor() ? cases.ofUnit(user.unit(), null).stream().map(c -> c.id).toList() : List.of();
    }

    public Optional<CaseRole> roleOfCaller(UUID caseId) {
        return membership(caseId).map(m -> m.role);
    }

    static void requireOpen(VidCase found) {
        if (found.status != CaseStatus.OPEN) {
            throw new ConflictException("Case " + found.reference + " is closed");
        }
    }

    private Optional<CaseMember> membership(UUID caseId) {
        return members.find(caseId, user.name());
    }
}
