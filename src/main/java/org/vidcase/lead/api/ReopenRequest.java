package org.vidcase.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Reopens a closed lead (supervisors), back to the state it was closed from. */
public record ReopenRequest(
        @NotNull @Schema(example = "5") Long version,
        @NotBlank @Size(max = 2000) @Schema(example = "New pictures of the same child surfaced") String reason) {
}
