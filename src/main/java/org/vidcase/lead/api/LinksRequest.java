package org.vidcase.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The series and media items a lead is about, replacing what is given (absent lists stay). */
public record LinksRequest(
        @NotNull @Schema(example = "2") Long version,
        @Size(max = 1000) List<@NotNull UUID> seriesIds,
        @Size(max = 10000) List<@NotNull UUID> mediaItemIds) {
}
