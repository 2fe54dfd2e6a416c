package org.vidcase.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.vidcase.lead.domain.LeadStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves a lead along its workflow; closing needs at least one dated outcome. */
public record StatusRequest(
        @NotNull @Schema(example = "3") Long version,
        @NotNull @Schema(example = "IN_PROGRESS") LeadStatus status,
        @Size(max = 3) @Schema(description = "For CLOSED: what the lead established") List<@Valid @NotNull OutcomeRequest> outcomes) {
}
