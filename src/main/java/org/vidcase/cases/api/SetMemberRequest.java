package org.vidcase.cases.api;

import jakarta.validation.constraints.NotNull;
import org.vidcase.cases.domain.CaseRole;

public record SetMemberRequest(@NotNull CaseRole role) {
}
