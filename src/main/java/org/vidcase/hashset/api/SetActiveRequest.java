package org.vidcase.hashset.api;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record SetActiveRequest(@NotNull @Schema(example = "true") Boolean active) {
}
