package org.vidcase.series.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.series.domain.SeriesStatus;

/** Changes what is given; absent fields stay as they are. */
public record UpdateSeriesRequest(
        @NotNull @Schema(description = "The version read; a series changed since answers 409") Long version,
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        SeriesStatus status,
        @Schema(description = "Refused (422): the flag follows the series' identification records", deprecated = true)
        Boolean victimIdentified,
        @Schema(description = "Refused (422): the flag follows the series' identification records", deprecated = true)
        Boolean offenderIdentified,
        @Size(max = 4000) String notes) {
}
