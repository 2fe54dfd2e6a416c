package org.vidcase.seizure.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who handed the exhibit to whom, when and why. */
public record AppendCustodyRequest(
        @NotNull @PastOrPresent @Schema(example = "2026-11-21T09:00:00Z") Instant occurredAt,
        @NotBlank @Size(max = 200) @Schema(example = "DC 4411 Smith") String from,
        @NotBlank @Size(max = 200) @Schema(example = "Digital forensics unit, evidence store") String to,
        @NotBlank @Size(max = 2000) @Schema(example = "Imaging of the internal drive") String purpose) {
}
