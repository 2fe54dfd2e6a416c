package org.vidcase.series.api;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What to cluster: one exhibit of the case, or (without it) the whole case. */
public record ClusteringRequest(@Schema(description = "Only the items first found on this exhibit") UUID seizureId) {
}
