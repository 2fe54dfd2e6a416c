package org.vidcase.exchange.format;

import java.time.LocalDate;
import java.util.List;

/**
 * One file's hashes with what a person at the submitting node decided about it. Hex digests are
 * lower case; {@code photoDna} is the 144-byte hash as 288 hex digits; {@code series} is the
 * node's series pseudonym (never a series name or id); flags may be null (unknown). Nothing else
 * about the file, its case or who handled it exists in the format.
 */
public record PackageEntry(String md5, String sha1, String sha256, String pdq, Integer pdqQuality, String photoDna,
                           List<VpdqFrame> vpdq, String category, boolean baseline, String series,
                           Boolean victimIdentified, Boolean offenderIdentified, Boolean distributed,
                           MediaKind mediaType, LocalDate submitted, String submittingCountry) {

    public PackageEntry {
        vpdq = vpdq == null ? List.of() : List.copyOf(vpdq);
    }

    public HashKey key() {
        return new HashKey(md5, sha1, sha256);
    }
}
