package org.vidcase.search.api;

import java.util.List;
import java.util.UUID;

/**
 * The nearest items and reference entries to a probe.
 *
 * @param probe          the probe's PDQ hash and quality, and what it came from (MEDIA_ITEM, PDQ, IMAGE)
 * @param items          media items the caller may see, nearest first
 * @param hashSetEntries entries of active reference hash sets, nearest first (when asked for)
 * @param rotations      whether the probe's 7 rotations and reflections were searched too; a probe of
 *                       one hash (a hex, a hash-only item) is compared with the 8 stored turns of
 *                       each uploaded item instead
 */
public record SimilarResult(Probe probe, int radius, int k, boolean rotations, List<Item> items,
                            List<Entry> hashSetEntries) {

    public record Probe(String source, String pdq, Integer quality, UUID mediaItemId) {
    }

    /** @param dihedral which rotation or reflection of the probe came nearest (ORIGINAL for none) */
    public record Item(UUID caseId, UUID mediaItemId, int distance, String dihedral, String mediaType) {
    }

    public record Entry(UUID hashSetId, String hashSetName, String kind, long entryId, int distance, String dihedral,
                        String category, String series) {
    }
}
