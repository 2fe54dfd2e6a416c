package org.vidcase.media.vics;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/** Records with every component set, or as few as allowed, for round trips and readers. */
final class ImportedMediaFixture {

    static final String MD5 = "adebf3fa3c9be7f73825e1cb9e2dea09";
    static final String SHA1 = "2b037f69c566dfdb3a5a79e5360d085959bdde4c";
    static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String PDQ = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    private ImportedMediaFixture() {
    }

    static byte[] anyPhotoDna() {
        byte[] photoDna = new byte[PhotoDnaCodec.BYTES];
        IntStream.range(0, photoDna.length).forEach(i -> photoDna[i] = (byte) (i * 7 + 3));
        return photoDna;
    }

    static ImportedMedia fullyPopulated() {
        return fullyPopulated(media -> { });
    }

    static ImportedMedia fullyPopulated(Consumer<ImportedMedia.Builder> change) {
        ImportedMedia.Builder media = ImportedMedia.builder()
                .sourceId("17").md5(MD5).sha1(SHA1).sha256(SHA256).pdq(PDQ).pdqQuality(87)
                .photoDna(anyPhotoDna()).size(2_835L).mimeType("image/jpeg").width(4032).height(3024)
                .category("CAT1").victimIdentified(true).offenderIdentified(false).distributed(true)
                .selfGenerated(false).suspected(true).series("Operation Bluebell")
                .tags(List.of("indoor", "known set", "a,b")).notes("seen before; \"quoted\" note")
                .addLocation(new ImportedLocation("IMG_0001.JPG", "/DCIM/100APPLE/IMG_0001.JPG",
                        Instant.parse("2024-01-02T03:04:05Z"), Instant.parse("2024-01-02T03:04:06.1234567Z"),
                        Instant.parse("2024-02-01T00:00:00Z")))
                .addLocation(new ImportedLocation("copy.jpg", "C:\\Users\\seized\\copy.jpg", null,
                        Instant.parse("2023-12-31T23:59:59Z"), null))
                .exif(new ExifData("Apple", "iPhone 12", "F17ABC123", "iPhone 12 back camera 4.2mm f/1.6",
                        "2023:12:24 18:30:00", -33.8688, 151.2093));
        change.accept(media);
        return media.build();
    }

    static ImportedMedia minimal() {
        return ImportedMedia.builder().md5(MD5).build();
    }
}
