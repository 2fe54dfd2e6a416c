package org.vidcase.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Closing is final; the reason is kept with the case and in the audit trail. */
public record CloseCaseRequest(@NotBlank @Size(max = 2000)
        @Schema(example = "All material reviewed; victim identified and safeguarded") String reason) {
}
