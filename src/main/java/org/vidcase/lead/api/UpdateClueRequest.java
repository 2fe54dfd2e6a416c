package org.vidcase.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.lead.domain.Confidence;

/** Edits a clue; absent fields stay, given evidence lists replace the old ones. */
public record UpdateClueRequest(
        @NotNull @Schema(example = "1") Long version,
        @Size(max = 2000) @Schema(example = "Canon EOS 5D Mark II, serial 0123-4567") String value,
        @Schema(example = "51.5072") Double latitude,
        @Schema(example = "-0.1276") Double longitude,
        @Schema(example = "MEDIUM") Confidence confidence,
        @Size(max = 1000) List<@NotNull UUID> mediaItemIds,
        @Size(max = 100) List<@NotNull UUID> seriesIds) {
}
