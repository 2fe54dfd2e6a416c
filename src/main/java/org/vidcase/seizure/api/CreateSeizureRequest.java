package org.vidcase.seizure.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registers an exhibit in a case. */
public record CreateSeizureRequest(
        @NotBlank @Size(max = 100) @Schema(description = "The exhibit reference on its bag and label", example = "EX-0001")
        String reference,
        @Size(max = 2000) @Schema(example = "Laptop, grey, serial 5CD1234XYZ, 512 GB SSD") String deviceDescription,
        @PastOrPresent @Schema(description = "When the device was seized (ISO-8601)", example = "2026-11-20T07:15:00Z")
        Instant seizedAt,
        @Size(max = 200) @Schema(description = "Who seized it", example = "DC 4411 Smith") String seizedBy,
        @Size(max = 200) @Schema(description = "Tool the image was taken and processed with", example = "Griffeye Analyze DI")
        String forensicTool) {
}
