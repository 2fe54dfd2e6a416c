package org.vidcase.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Opens a case; the creator becomes its lead. */
public record CreateCaseRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{2,63}",
                message = "must be 3 to 64 letters, digits or . _ / -, starting with a letter or digit")
        @Schema(description = "The unit's own case number", example = "NCA-2026-0412") String reference,
        @NotBlank @Size(max = 200) @Schema(example = "Operation Lantern: seized laptop and phone") String title,
        @Size(max = 4000) @Schema(example = "Referral from the national hotline; two devices seized at the address")
        String description) {
}
