package org.vidcase.exchange.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a liaison officer wants to share: items a person categorised in the cases the officer may
 * read, narrowed by category, series, identified status and when they were categorised. Every
 * criterion is optional.
 */
public record ComposeRequest(
        @Size(max = 50) @Schema(description = "National category codes (GET /api/categories); default: every code "
                + "that has an international equivalent", example = "[\"1\"]") List<@NotNull String> categories,
        @Size(max = 1000) @Schema(description = "Only items confirmed in these series") List<@NotNull UUID> seriesIds,
        @Size(max = 1000) @Schema(description = "Only these cases (each must be readable by the caller); default: "
                + "every case the caller may read") List<@NotNull UUID> caseIds,
        @Schema(description = "Only items whose victim is (true) or is not (false) identified") Boolean victimIdentified,
        @Schema(description = "Only items whose offender is (true) or is not (false) identified") Boolean offenderIdentified,
        @Schema(description = "Categorised on or after this day (UTC)", example = "2026-01-01") LocalDate categorisedFrom,
        @Schema(description = "Categorised on or before this day (UTC)", example = "2026-12-31") LocalDate categorisedTo,
        @Schema(description = "Add the node's counts of identified victims and offenders per year (default true)")
        Boolean includeIdentificationCounts) {
}
