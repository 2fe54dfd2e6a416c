package org.vidcase.cases.api;

import java.time.Instant;
import org.vidcase.cases.domain.CaseMember;
import org.vidcase.cases.domain.CaseRole;

public record CaseMemberView(String username, CaseRole role, String addedBy, Instant addedAt) {

    public static CaseMemberView of(CaseMember m) {
        return new CaseMemberView(m.username, m.role, m.addedBy, m.addedAt);
    }
}
