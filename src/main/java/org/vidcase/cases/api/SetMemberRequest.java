package org.vidcase.cases.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.cases.domain.CaseRole;

public record SetMemberRequest(@NotNull @Schema(example = "MEMBER") CaseRole role) {
}
