package org.vidcase.series.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Opens a series by hand, optionally with its first members (confirmed by the caller). */
public record CreateSeriesRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Blue bedroom series") String name,
        @Size(max = 4000) String notes,
        @Size(max = 10000) @Schema(description = "Media items of the case to add, confirmed") List<@NotNull UUID> mediaItemIds) {
}
