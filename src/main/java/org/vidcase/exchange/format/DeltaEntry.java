package org.vidcase.exchange.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of a hub delta, as the hub holds it now. A withdrawn entry ({@code live: false}) is a
 * tombstone: only its {@code id} matters, and a node removes what it holds under that id.
 *
 * @param id              the hub's entry id, stable for the entry's life
 * @param trust           CANDIDATE, TRUSTED or CONFLICT
 * @param submissions     independent submissions: distinct countries whose people categorised it
 * @param agreeing        distinct countries whose current opinion is {@code category}
 * @param series          the hub's cross-border series reference ({@code INTL-<n>}), or null
 * @param seriesCountries countries whose series share hashes with this entry's series
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeltaEntry(long id, boolean live, String md5, String sha1, String sha256, String pdq, Integer pdqQuality,
                         String photoDna, List<VpdqFrame> vpdq, MediaKind mediaType, String category, String trust,
                         Boolean baseline, Integer submissions, Integer agreeing, String series,
                         Integer seriesCountries, Boolean victimIdentified, Boolean offenderIdentified,
                         Boolean distributed, LocalDate firstSubmitted) {

    public static DeltaEntry tombstone(long id) {
        return new DeltaEntry(id, false, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }
}
