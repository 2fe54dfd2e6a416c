package org.vidcase.media.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.shared.category.CategoryScheme;

/** One code of the active categorisation scheme. */
@Schema(description = "A category code of the active scheme")
public record CategoryView(
        @Schema(description = "What to send as 'category'", example = "1") String code,
        @Schema(example = "Child abuse material") String label,
        @Schema(description = "What belongs in the category") String description,
        @Schema(description = "Whether items in this category count as an alert (illegal or pertinent material)")
        boolean alert) {

    public static CategoryView of(CategoryScheme.Category c) {
        return new CategoryView(c.code(), c.label(), c.description(), c.alert());
    }
}
