package org.vidcase.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Withdraws an identification record: kept, marked withdrawn with the reason; series flags follow. */
public record WithdrawIdentificationRequest(
        @NotBlank @Size(max = 2000) @Schema(example = "Recorded on the wrong case") String reason) {
}
