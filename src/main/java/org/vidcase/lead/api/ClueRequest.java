package org.vidcase.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.lead.domain.ClueType;
import org.vidcase.lead.domain.Confidence;

/** A clue to add; a GPS clue takes latitude and longitude (its value is optional). */
public record ClueRequest(
        @NotNull @Schema(example = "DEVICE") ClueType type,
        @Size(max = 2000) @Schema(example = "Canon EOS 5D, serial 0123-4567") String value,
        @Schema(example = "51.5072") Double latitude,
        @Schema(example = "-0.1276") Double longitude,
        @Schema(example = "HIGH", description = "MEDIUM when absent") Confidence confidence,
        @Size(max = 1000) @Schema(description = "Evidence: media items of the case") List<@NotNull UUID> mediaItemIds,
        @Size(max = 100) @Schema(description = "Evidence: series of the case") List<@NotNull UUID> seriesIds) {
}
