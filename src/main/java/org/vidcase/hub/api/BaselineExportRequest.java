package org.vidcase.hub.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who receives the baseline list and on what legal basis; both are recorded with the export. */
public record BaselineExportRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Example ISP abuse desk (hash blocking)") String recipient,
        @NotBlank @Size(max = 2000) @Schema(example = "Agreement 2026/14 under national law art. 12") String legalBasis) {
}
