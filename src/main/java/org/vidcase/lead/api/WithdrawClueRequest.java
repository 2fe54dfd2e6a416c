package org.vidcase.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Withdraws a clue: it stays on the lead, marked withdrawn with the reason. */
public record WithdrawClueRequest(
        @NotNull @Schema(example = "2") Long version,
        @NotBlank @Size(max = 2000) @Schema(example = "The serial was misread") String reason) {
}
