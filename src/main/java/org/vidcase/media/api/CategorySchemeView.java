package org.vidcase.media.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The categorisation scheme this deployment uses. */
public record CategorySchemeView(
        @Schema(description = "Country profile of the scheme", example = "vics") String scheme,
        List<CategoryView> categories) {
}
