package org.vidcase.cases.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Opens a case; the creator becomes its lead. */
public record CreateCaseRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{2,63}",
                message = "must be 3 to 64 letters, digits or . _ / -, starting with a letter or digit")
        String reference,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description) {
}
