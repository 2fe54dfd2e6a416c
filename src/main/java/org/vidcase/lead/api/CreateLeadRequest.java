package org.vidcase.lead.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Opens a lead in a case: by hand, from series, or from media items of the case. */
public record CreateLeadRequest(
        @NotBlank @Size(max = 300) @Schema(example = "School uniform badge in series S-2026-000012") String title,
        @Size(max = 20000) @Schema(example = "Badge visible on three pictures; identify the school.") String description,
        @Schema(example = "2026-12-20") LocalDate dueDate,
        @Size(max = 50) @Schema(description = "Members of the case team") List<@NotBlank String> assignees,
        @Size(max = 1000) @Schema(description = "Series of the case") List<@NotNull UUID> seriesIds,
        @Size(max = 10000) @Schema(description = "Media items of the case") List<@NotNull UUID> mediaItemIds,
        @Valid PriorityFactors factors) {
}
