package org.vidcase.lead.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An investigator's own score for a lead, with the reason; it counts instead of the factors' score. */
public record ScoreOverride(
        @NotNull @Min(0) @Max(100) @Schema(example = "90") Integer score,
        @NotBlank @Size(max = 2000) @Schema(example = "Partner agency reports the child at risk this week") String reason) {
}
