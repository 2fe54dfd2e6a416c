package org.vidcase.search.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A PDQ hash to search with (its rotations and reflections are unknown, so only it is searched). */
public record SimilarHashRequest(
        @NotNull @Schema(description = "64 hexadecimal digits", example = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22")
        String pdq) {
}
