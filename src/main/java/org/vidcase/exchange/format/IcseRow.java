package org.vidcase.exchange.format;

/**
 * One line of the ICSE hash-set CSV layout: what the layout can say of an entry. It has no column
 * for SHA-256, PDQ or a category; {@code Investigation name} and {@code Agency} stay empty.
 */
public record IcseRow(String md5, String sha1, String photoDna, Boolean distributed, Boolean victimIdentified,
                      Boolean offenderIdentified, String series, int submissions, MediaKind mediaType,
                      boolean baseline) {

    /** A node's own entry: one submission, its own. */
    public static IcseRow of(PackageEntry e) {
        return new IcseRow(e.md5(), e.sha1(), e.photoDna(), e.distributed(), e.victimIdentified(),
                e.offenderIdentified(), e.series(), 1, e.mediaType(), e.baseline());
    }

    /** Whether the layout can carry it: ICSE names files by MD5, SHA-1 or PhotoDNA. */
    public boolean representable() {
        return md5 != null || sha1 != null || photoDna != null;
    }
}
