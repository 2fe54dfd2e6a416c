package org.vidcase.lead.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The factors an investigator sets on a lead; absent ones stay as they are. */
public record PriorityFactors(
        @Schema(description = "Signs of ongoing abuse", example = "true") Boolean ongoingAbuse,
        @Schema(description = "The material was produced recently", example = "true") Boolean recentProduction,
        @Schema(description = "The child appears very young", example = "false") Boolean youngAge,
        @Schema(description = "A series never seen before", example = "true") Boolean newSeries,
        @Schema(description = "A clue places the material in this country", example = "false") Boolean inCountry) {
}
