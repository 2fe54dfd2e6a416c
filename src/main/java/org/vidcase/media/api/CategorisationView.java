package org.vidcase.media.api;

import java.time.Instant;
import org.vidcase.media.domain.CategorySource;
import org.vidcase.media.domain.MediaCategorisation;

public record CategorisationView(String category, CategorySource source, MediaFlags flags, String note,
                                 String categorisedBy, Instant categorisedAt) {

    public static CategorisationView of(MediaCategorisation c) {
        return new CategorisationView(c.category, c.source,
                new MediaFlags(c.victimIdentified, c.offenderIdentified, c.distributed, c.selfGenerated, c.suspected, c.baseline),
                c.note, c.categorisedBy, c.categorisedAt);
    }
}
