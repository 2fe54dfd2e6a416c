package org.vidcase.media.vics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One media item of a forensic export: hashes and what the tool knew about the file, never its bytes.
 * Digests are lower-case hex; at least one of MD5, SHA-1 and SHA-256 identifies the item. {@code category} is kept
 * as the export spells it ("1", "CAT1") because category schemes differ between regions. Flags are null when the
 * export does not say: unknown is not the same as false.
 */
public record ImportedMedia(
        String sourceId,
        String md5,
        String sha1,
        String sha256,
        String pdq,
        Integer pdqQuality,
        byte[] photoDna,
        Long size,
        String mimeType,
        Integer width,
        Integer height,
        String category,
        Boolean victimIdentified,
        Boolean offenderIdentified,
        Boolean distributed,
        Boolean selfGenerated,
        Boolean suspected,
        String series,
        List<String> tags,
        String notes,
        List<ImportedLocation> locations,
        ExifData exif) {

    public ImportedMedia {
        md5 = HexDigests.requireNormalized(md5, HexDigests.MD5, "MD5");
        sha1 = HexDigests.requireNormalized(sha1, HexDigests.SHA1, "SHA-1");
        sha256 = HexDigests.requireNormalized(sha256, HexDigests.SHA256, "SHA-256");
        if (md5 == null && sha1 == null && sha256 == null) {
            throw new IllegalArgumentException("no MD5, SHA-1 or SHA-256: the item cannot be identified");
        }
        pdq = HexDigests.requireNormalized(pdq, HexDigests.PDQ, "PDQ");
        if (pdqQuality != null && pdq == null) {
            throw new IllegalArgumentException("PDQ quality without a PDQ hash");
        }
        if (pdqQuality != null && (pdqQuality < 0 || pdqQuality > 100)) {
            throw new IllegalArgumentException("PDQ quality must be 0-100, found " + pdqQuality);
        }
        if (photoDna != null) {
            PhotoDnaCodec.requireLength(photoDna);
            photoDna = photoDna.clone();
        }
        requireNotNegative(size, "size");
        requireNotNegative(width, "width");
        requireNotNegative(height, "height");
        tags = tags == null ? List.of() : List.copyOf(tags);
        locations = locations == null ? List.of() : List.copyOf(locations);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public byte[] photoDna() {
        return photoDna == null ? null : photoDna.clone();
    }

    // A record compares arrays by identity; PhotoDNA must compare by content for equal records to be equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof ImportedMedia that
                && Objects.equals(sourceId, that.sourceId) && Objects.equals(md5, that.md5)
                && Objects.equals(sha1, that.sha1) && Objects.equals(sha256, that.sha256)
                && Objects.equals(pdq, that.pdq) && Objects.equals(pdqQuality, that.pdqQuality)
                && Arrays.equals(photoDna, that.photoDna) && Objects.equals(size, that.size)
                && Objects.equals(mimeType, that.mimeType) && Objects.equals(width, that.width)
                && Objects.equals(height, that.height) && Objects.equals(category, that.category)
                && Objects.equals(victimIdentified, that.victimIdentified)
                && Objects.equals(offenderIdentified, that.offenderIdentified)
                && Objects.equals(distributed, that.distributed) && Objects.equals(selfGenerated, that.selfGenerated)
                && Objects.equals(suspected, that.suspected) && Objects.equals(series, that.series)
                && tags.equals(that.tags) && Objects.equals(notes, that.notes) && locations.equals(that.locations)
                && Objects.equals(exif, that.exif);
    }

    @Override
    public int hashCode() {
        return Objects.hash(md5, sha1, sha256, sourceId) * 31 + Arrays.hashCode(photoDna);
    }

    @Override
    public String toString() {
        return "ImportedMedia[sourceId=" + sourceId + ", md5=" + md5 + ", sha1=" + sha1 + ", sha256=" + sha256
                + ", pdq=" + pdq + ", pdqQuality=" + pdqQuality + ", photoDna="
                + (photoDna == null ? null : PhotoDnaCodec.encode(photoDna)) + ", size=" + size + ", mimeType="
                + mimeType + ", width=" + width + ", height=" + height + ", category=" + category
                + ", victimIdentified=" + victimIdentified + ", offenderIdentified=" + offenderIdentified
                + ", distributed=" + distributed + ", selfGenerated=" + selfGenerated + ", suspected=" + suspected
                + ", series=" + series + ", tags=" + tags + ", notes=" + notes + ", locations=" + locations
                + ", exif=" + exif + "]";
    }

    private static void requireNotNegative(Number value, String name) {
        if (value != null && value.longValue() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, found " + value);
        }
    }

    /** Twenty-two components are unreadable as constructor arguments; the readers and callers use this. */
    public static final class Builder {
        private String sourceId;
        private String md5;
        private String sha1;
        private String sha256;
        private String pdq;
        private Integer pdqQuality;
        private byte[] photoDna;
        private Long size;
        private String mimeType;
        private Integer width;
        private Integer height;
        private String category;
        private Boolean victimIdentified;
        private Boolean offenderIdentified;
        private Boolean distributed;
        private Boolean selfGenerated;
        private Boolean suspected;
        private String series;
        private List<String> tags = List.of();
        private String notes;
        private final List<ImportedLocation> locations = new ArrayList<>();
        private ExifData exif;

        private Builder() {
        }

        public Builder sourceId(String value) {
            sourceId = value;
            return this;
        }

        public Builder md5(String value) {
            md5 = value;
            return this;
        }

        public Builder sha1(String value) {
            sha1 = value;
            return this;
        }

        public Builder sha256(String value) {
            sha256 = value;
            return this;
        }

        public Builder pdq(String value) {
            pdq = value;
            return this;
        }

        public Builder pdqQuality(Integer value) {
            pdqQuality = value;
            return this;
        }

        public Builder photoDna(byte[] value) {
            photoDna = value;
            return this;
        }

        public Builder size(Long value) {
            size = value;
            return this;
        }

        public Builder mimeType(String value) {
            mimeType = value;
            return this;
        }

        public Builder width(Integer value) {
            width = value;
            return this;
        }

        public Builder height(Integer value) {
            height = value;
            return this;
        }

        public Builder category(String value) {
            category = value;
            return this;
        }

        public Builder victimIdentified(Boolean value) {
            victimIdentified = value;
            return this;
        }

        public Builder offenderIdentified(Boolean value) {
            offenderIdentified = value;
            return this;
        }

        public Builder distributed(Boolean value) {
            distributed = value;
            return this;
        }

        public Builder selfGenerated(Boolean value) {
            selfGenerated = value;
            return this;
        }

        public Builder suspected(Boolean value) {
            suspected = value;
            return this;
        }

        public Builder series(String value) {
            series = value;
            return this;
        }

        public Builder tags(List<String> value) {
            tags = value;
            return this;
        }

        public Builder notes(String value) {
            notes = value;
            return this;
        }

        /** A location with nothing known about it says nothing and is dropped. */
        public Builder addLocation(ImportedLocation location) {
            if (!location.isEmpty()) {
                locations.add(location);
            }
            return this;
        }

        public Builder exif(ExifData value) {
            exif = value;
            return this;
        }

        /** @throws IllegalArgumentException naming the first invalid value */
        public ImportedMedia build() {
            return new ImportedMedia(sourceId, md5, sha1, sha256, pdq, pdqQuality, photoDna, size, mimeType, width,
                    height, category, victimIdentified, offenderIdentified, distributed, selfGenerated, suspected,
                    series, tags, notes, locations, exif);
        }
    }
}
