package org.vidcase.series.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to cluster: one exhibit of the case, or (without it) the whole case; or only what is new. */
public record ClusteringRequest(
        @Schema(description = "Only the items first found on this exhibit") UUID seizureId,
        @Schema(description = "Only the pictures filed since the last run, against all of the case's (what the "
                + "server's own sweep does every few seconds)") Boolean incremental) {
}
