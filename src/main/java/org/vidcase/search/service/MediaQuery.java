package org.vidcase.search.service;

import java.util.UUID;

/**
 * A search over one case's media items in the index.
 *
 * @param text           free text: words that must all occur in a file name, folder, note, tag,
 *                       series or camera field; {@code word*} a prefix, {@code -word} excluded
 * @param matchStatus    ALERT or IGNORABLE, or {@link #UNMATCHED} for items no reference set knows
 * @param humanCategorised true: categorised by a person; false: not (null: either)
 * @param folder         in this folder or below (normalised as the index is)
 */
public record MediaQuery(UUID caseId, String text, UUID seizureId, String category, String matchStatus,
                         Boolean humanCategorised, boolean representativesOnly, String tag, String make, String model,
                         String serial, String folder, String extension, String mediaType, UUID seriesId,
                         String categorisedBy) {

    public static final String UNMATCHED = "UNMATCHED";

    /** Whether only the index can answer it (PostgreSQL answers the rest, index or not). */
    public boolean needsIndex() {
        return text != null && !text.isBlank() || tag != null || make != null || model != null || serial != null
                || folder != null || extension != null || mediaType != null || seriesId != null || categorisedBy != null;
    }
}
