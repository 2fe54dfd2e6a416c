package org.vidcase.lead.api;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.lead.domain.LeadOutcome;

/** One outcome of a closing, dated. */
public record OutcomeRequest(
        @NotNull @Schema(example = "VICTIM_IDENTIFIED") LeadOutcome outcome,
        @NotNull @Schema(example = "2026-12-02") LocalDate date) {
}
