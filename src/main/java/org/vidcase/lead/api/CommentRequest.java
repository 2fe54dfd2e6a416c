package org.vidcase.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A comment on a lead. */
public record CommentRequest(
        @NotBlank @Size(max = 10000) @Schema(example = "Checked the badge against the school register.") String text) {
}
