package org.vidcase.media.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The VICS flags of an item; null means unknown. */
public record MediaFlags(@Schema(example = "false") Boolean victimIdentified,
                         @Schema(example = "false") Boolean offenderIdentified,
                         @Schema(example = "true") Boolean distributed,
                         @Schema(example = "false") Boolean selfGenerated,
                         @Schema(example = "false") Boolean suspected,
                         @Schema(description = "Meets the international baseline: illegal in every country "
                                 + "(exchanged with the hub as the baseline flag)", example = "true") Boolean baseline) {
}
