package org.vidcase.series.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Moves some members of a series into a new series of the same case. */
public record SplitSeriesRequest(
        @NotNull @Schema(description = "The version read") Long version,
        @NotEmpty @Size(max = 10000) List<@NotNull UUID> mediaItemIds,
        @NotBlank @Size(max = 200) @Schema(example = "Garden pictures") String name) {
}
