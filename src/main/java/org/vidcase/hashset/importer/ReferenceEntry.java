package org.vidcase.hashset.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vidcase.shared.request.StorableText;

/**
 * One entry of a reference hash set as an importer reads it, before it is stored. At least one
 * hash is present; hex digests are lower case. Nothing identifying a case, agency or officer is
 * kept, whatever the source file carries.
 */
public record ReferenceEntry(String md5, String sha1, String sha256, String pdq, Integer pdqQuality, byte[] photoDna,
                             String category,
                             String series, Boolean victimIdentified, Boolean offenderIdentified, Boolean distributed,
                             Boolean baseline, byte[] vpdq) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]*");

    public ReferenceEntry {
        md5 = hex(md5, 32, "MD5");
        sha1 = hex(sha1, 40, "SHA-1");
        sha256 = hex(sha256, 64, "SHA-256");
        pdq = hex(pdq, 64, "PDQ");
        if (pdqQuality != null && (pdqQuality < 0 || pdqQuality > 100)) {
            throw new IllegalArgumentException("PDQ quality must be within 0..100, not " + pdqQuality);
        }
        if (photoDna != null && photoDna.length != 144) {
            throw new IllegalArgumentException("PhotoDNA must be 144 bytes, not " + photoDna.length);
        }
        photoDna = photoDna == null ? null : photoDna.clone();
        if (category != null && category.length() > 50) {
            throw new IllegalArgumentException("category longer than 50 characters");
        }
        if (series != null && series.length() > 200) {
            throw new IllegalArgumentException("series name longer than 200 characters");
        }
        if (!StorableText.isStorable(category) || !StorableText.isStorable(series)) {
            throw new IllegalArgumentException("category and series name " + StorableText.RULE);
        }
        if (vpdq != null && (vpdq.length == 0 || vpdq.length % org.vidcase.hashing.video.VpdqSignature.BYTES_PER_FRAME != 0)) {
            throw new IllegalArgumentException("a vPDQ hash needs whole frames");
        }
        vpdq = vpdq == null ? null : vpdq.clone();
        if (md5 == null && sha1 == null && sha256 == null && pdq == null && photoDna == null && vpdq == null) {
            throw new IllegalArgumentException("an entry needs at least one hash");
        }
    }

    /** An entry without a vPDQ hash (a file or picture). */
    public ReferenceEntry(String md5, String sha1, String sha256, String pdq, Integer pdqQuality, byte[] photoDna,
                          String category, String series, Boolean victimIdentified, Boolean offenderIdentified,
                          Boolean distributed, Boolean baseline) {
        this(md5, sha1, sha256, pdq, pdqQuality, photoDna, category, series, victimIdentified, offenderIdentified,
                distributed, baseline, null);
    }

    /** A video's entry: its vPDQ frames in the stored form ({@code VpdqSignature#toBytes}). */
    public static ReferenceEntry ofVpdq(byte[] frames) {
        return new ReferenceEntry(null, null, null, null, null, null, null, null, null, null, null, null, frames);
    }

    @Override
    public byte[] vpdq() {
        return vpdq == null ? null : vpdq.clone();
    }

    public static ReferenceEntry ofHash(HashType type, String hex) {
        return switch (type) {
            case MD5 -> new ReferenceEntry(hex, null, null, null, null, null, null, null, null, null, null, null);
            case SHA1 -> new ReferenceEntry(null, hex, null, null, null, null, null, null, null, null, null, null);
            case SHA256 -> new ReferenceEntry(null, null, hex, null, null, null, null, null, null, null, null, null);
            case PDQ -> new ReferenceEntry(null, null, null, hex, null, null, null, null, null, null, null, null);
        };
    }

    @Override
    public byte[] photoDna() {
        return photoDna == null ? null : photoDna.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferenceEntry e && java.util.Objects.equals(md5, e.md5)
                && java.util.Objects.equals(sha1, e.sha1) && java.util.Objects.equals(sha256, e.sha256)
                && java.util.Objects.equals(pdq, e.pdq)
                && java.util.Objects.equals(pdqQuality, e.pdqQuality) && Arrays.equals(photoDna, e.photoDna)
                && java.util.Objects.equals(category, e.category) && java.util.Objects.equals(series, e.series)
                && java.util.Objects.equals(victimIdentified, e.victimIdentified)
                && java.util.Objects.equals(offenderIdentified, e.offenderIdentified)
                && java.util.Objects.equals(distributed, e.distributed) && java.util.Objects.equals(baseline, e.baseline)
                && Arrays.equals(vpdq, e.vpdq);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(md5, sha1, sha256, pdq, Arrays.hashCode(photoDna), category, series);
    }

    private static String hex(String value, int length, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lower = value.strip().toLowerCase(Locale.ROOT);
        if (lower.length() != length || !HEX.matcher(lower).matches()) {
            throw new IllegalArgumentException(name + " must be " + length + " hex digits");
        }
        return lower;
    }
}
