package org.vidcase.hub.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A hub reviewer's decision on a conflict: the international category the entry carries from now on. */
public record ResolutionRequest(@NotBlank @Schema(example = "1") String category) {
}
