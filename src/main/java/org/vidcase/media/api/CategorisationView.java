package org.vidcase.media.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.vidcase.media.domain.CategorySource;
import org.vidcase.media.domain.MediaCategorisation;

public record CategorisationView(String category, CategorySource source, MediaFlags flags, String note,
                                 String categorisedBy, Instant categorisedAt,
                                 @Schema(description = "The decision this entry belongs to (one categorisation of an "
                                         + "item, a stack or a series)") UUID decisionId,
                                 @Schema(description = "On an undo: the decision it undid") UUID undoes) {

    public static CategorisationView of(MediaCategorisation c) {
        return new CategorisationView(c.category, c.source,
                new MediaFlags(c.victimIdentified, c.offenderIdentified, c.distributed, c.selfGenerated, c.suspected, c.baseline),
                c.note, c.categorisedBy, c.categorisedAt, c.decisionId, c.undoes);
    }
}
