package org.vidcase.seizure.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Who handed the exhibit to whom, when and why. */
public record AppendCustodyRequest(
        @NotNull @PastOrPresent Instant occurredAt,
        @NotBlank @Size(max = 200) String from,
        @NotBlank @Size(max = 200) String to,
        @NotBlank @Size(max = 2000) String purpose) {
}
