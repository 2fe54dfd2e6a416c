package org.vidcase.media.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The VICS flags of an item; null means unknown. */
public record MediaFlags(@Schema(example = "false") Boolean victimIdentified,
                         @Schema(example = "false") Boolean offenderIdentified,
                         @Schema(example = "true") Boolean distributed,
                         @Schema(example = "false") Boolean selfGenerated,
                         @Schema(example = "false") Boolean suspected) {
}
