package org.vidcase.media.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How the server renders pictures for the triage screen. */
@ConfigMapping(prefix = "vidcase.pictures")
public interface PictureConfig {

    /** A blurred preview is at most this many pixels on its longer side. */
    @WithDefault("160")
    @Min(8)
    @Max(512)
    int previewMaxSide();

    /** How strongly previews are blurred (box radius in preview pixels, three passes). */
    @WithDefault("3")
    @Min(0)
    @Max(32)
    int previewBlur();

    /** A revealed picture is scaled down to at most this many pixels on its longer side. */
    @WithDefault("1600")
    @Min(64)
    @Max(8192)
    int revealMaxSide();
}
