package org.vidcase.seizure.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Registers an exhibit in a case. */
public record CreateSeizureRequest(
        @NotBlank @Size(max = 100) String reference,
        @Size(max = 2000) String deviceDescription,
        @PastOrPresent Instant seizedAt,
        @Size(max = 200) String seizedBy,
        @Size(max = 200) String forensicTool) {
}
