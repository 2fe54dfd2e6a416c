package org.vidcase.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.lead.domain.IdentificationKind;

/**
 * Records an identified victim or offender without a name or identity: the reference is a
 * pseudonym the unit's own systems resolve (letters, digits and . _ / -, no spaces).
 */
public record CreateIdentificationRequest(
        @NotNull @Schema(example = "VICTIM") IdentificationKind kind,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}",
                message = "must be a pseudonymous reference: up to 64 letters, digits and . _ / -, no spaces")
        @Schema(example = "V-NORTH-2026-017") String reference,
        @NotNull @Schema(example = "2026-12-02") LocalDate identifiedOn,
        @NotNull @Schema(description = "ISO 3166-1 alpha-2 of the identifying country", example = "GB") String country,
        @NotBlank @Size(max = 200) @Schema(example = "VID unit North") String unit,
        @Size(max = 100) @Schema(description = "Leads of the case it came from") List<@NotNull UUID> leadIds,
        @Size(max = 100) @Schema(description = "Series of the case it concerns; their flag follows this record") List<@NotNull UUID> seriesIds) {
}
