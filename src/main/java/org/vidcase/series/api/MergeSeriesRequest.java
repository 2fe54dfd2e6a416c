package org.vidcase.series.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves every member of another series of the same case into this one and closes the other. */
public record MergeSeriesRequest(
        @NotNull @Schema(description = "The version of this series read") Long version,
        @NotNull @Schema(description = "The series whose members move here") UUID otherSeriesId,
        @NotNull @Schema(description = "The version of the other series read") Long otherVersion) {
}
