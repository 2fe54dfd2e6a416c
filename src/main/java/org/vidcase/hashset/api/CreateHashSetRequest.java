package org.vidcase.hashset.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;

/** Registers a reference hash set; its entries arrive by import. New sets start inactive. */
public record CreateHashSetRequest(
        @NotBlank @Size(max = 200) @Schema(example = "ICSE baseline export") String name,
        @NotNull @Schema(example = "ICSE") HashSetSource source,
        @NotBlank @Size(max = 100) @Schema(example = "2026-11") String version,
        @NotNull @Schema(example = "ALERT") HashSetKind kind,
        @Size(max = 50) @Schema(description = "Scheme of the set's categories", example = "vics") String categoryScheme,
        @Size(max = 50) @Schema(description = "Category of entries that carry none", example = "1") String defaultCategory,
        @Size(max = 2000) @Schema(example = "Monthly baseline export received from the liaison desk") String description) {
}
