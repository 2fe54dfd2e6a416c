package org.vidcase.series.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Media items of the case to add to a series, confirmed by the caller. */
public record AddMembersRequest(
        @NotNull @Schema(description = "The version read") Long version,
        @NotEmpty @Size(max = 10000) List<@NotNull UUID> mediaItemIds) {
}
