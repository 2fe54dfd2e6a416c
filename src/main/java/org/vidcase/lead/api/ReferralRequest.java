package org.vidcase.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.lead.domain.RecipientKind;

/** Refers the lead to an agency at home, or abroad (a liaison officer then dispatches it). */
public record ReferralRequest(
        @NotNull @Schema(example = "COUNTRY") RecipientKind recipientKind,
        @NotBlank @Size(max = 300) @Schema(example = "National VID unit") String recipient,
        @Schema(description = "ISO 3166-1 alpha-2, for COUNTRY", example = "NL") String country,
        @NotBlank @Size(max = 4000) @Schema(example = "School badge clue and the three pictures' hashes") String subject) {
}
