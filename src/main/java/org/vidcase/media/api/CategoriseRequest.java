package org.vidcase.media.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An officer's categorisation decision; it is kept in the item's history and never overridden by a machine. */
public record CategoriseRequest(
        @NotBlank @Size(max = 50)
        @Schema(description = "A code of the active scheme, as a string (GET /api/categories)", example = "1")
        String category,
        MediaFlags flags,
        @Size(max = 200) @Schema(description = "Series the item belongs to", example = "S-2026-017") String series,
        @Size(max = 50) List<@NotNull @Pattern(regexp = "[^\\n\\u0000]{1,100}",
                message = "must be 1 to 100 characters on one line") String> tags,
        @Size(max = 2000) @Schema(description = "Why; kept in the history and shown on the item as 'note'",
                example = "Same room and bedding as the rest of the series") String note) {
}
