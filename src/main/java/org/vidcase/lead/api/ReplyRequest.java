package org.vidcase.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reply to a referral; it returns the referral. */
public record ReplyRequest(
        @NotBlank @Size(max = 10000) @Schema(example = "School identified; local unit takes it on.") String reply) {
}
