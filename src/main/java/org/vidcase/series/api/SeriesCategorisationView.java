package org.vidcase.series.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What categorising a whole series did. */
public record SeriesCategorisationView(UUID seriesId, String category,
                                       @Schema(description = "Confirmed members categorised") int categorised,
                                       @Schema(description = "Suggested members left as they were") long suggestedLeft) {
}
