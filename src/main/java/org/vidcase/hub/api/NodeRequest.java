package org.vidcase.hub.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node's registration: the country its client submits as, a description, whether it may submit and pull now. */
public record NodeRequest(
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in upper case")
        @Schema(example = "NL") String country,
        @Size(max = 500) @Schema(example = "National VID unit, Netherlands") String description,
        @Schema(description = "Default true; false suspends the node") Boolean active) {
}
