package org.vidcase.lead.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who works the lead, replacing the list; each must be a lead or member of the case team. */
public record AssigneesRequest(
        @NotNull @Schema(example = "1") Long version,
        @NotNull @Size(max = 50) @Schema(example = "[\"investigator\"]") List<@NotBlank @Size(max = 200) String> usernames) {
}
