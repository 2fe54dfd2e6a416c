package org.vidcase.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes what is given; absent fields stay as they are. */
public record UpdateLeadRequest(
        @NotNull @Schema(description = "The version read; a lead changed since answers 409", example = "3") Long version,
        @Size(max = 300) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") @Schema(example = "School badge") String title,
        @Size(max = 20000) @Schema(example = "Badge matched to a school district.") String description,
        @Schema(example = "2026-12-24") LocalDate dueDate,
        @Schema(description = "true: no due date any more", example = "false") Boolean clearDueDate,
        @Valid PriorityFactors factors,
        @Valid ScoreOverride scoreOverride,
        @Schema(description = "true: the factors' score counts again", example = "false") Boolean clearScoreOverride) {
}
