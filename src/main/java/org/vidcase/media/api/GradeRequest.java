package org.vidcase.media.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A second grader's category for a decision (or a supervisor's resolution of a disagreement). */
public record GradeRequest(
        @NotBlank @Size(max = 50) @Schema(description = "A code of the active scheme", example = "2") String category,
        @Size(max = 2000) @Schema(description = "Why; required for a resolution") String note,
        @NotNull @Schema(description = "The version read; another answers 409") Long version) {
}
