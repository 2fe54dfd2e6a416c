package org.vidcase.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vidcase.synthetic.SyntheticImages;

class CameraMetadataReaderTest {

    private final CameraMetadataReader reader = new CameraMetadataReader();

    private static byte[] cameraJpeg() {
        byte[] jpeg = SyntheticImages.jpeg(SyntheticImages.scene(42, 320, 240), 0.9f);
        return ExifFixture.withExif(jpeg, "SyntheCam", "SC-100", "PhotoTool 3.1", "2026:11:20 07:15:00", "+01:00",
                "SN-000417", "SC 35mm f/1.8", 51.5007, -0.1246);
    }

    @Test
    void readsCameraTimePlaceAndSoftwareFromExif() {
        byte[] file = cameraJpeg();
        ImageMetadata m = reader.read(file, file.length).orElseThrow();
        assertThat(m.make()).isEqualTo("SyntheCam");
        assertThat(m.model()).isEqualTo("SC-100");
        assertThat(m.bodySerial()).isEqualTo("SN-000417");
        assertThat(m.lens()).isEqualTo("SC 35mm f/1.8");
        assertThat(m.software()).isEqualTo("PhotoTool 3.1");
        assertThat(m.dateTimeOriginal()).isEqualTo("2026-11-20T07:15:00+01:00");
        assertThat(m.gpsLatitude()).isCloseTo(51.5007, within(1e-4));
        assertThat(m.gpsLongitude()).isCloseTo(-0.1246, within(1e-4));
    }

    @Test
    void theDigesterReadsItOnTheSamePassAsTheHashes() throws IOException {
        byte[] file = cameraJpeg();
        MediaDigest digest = new MediaDigester().digest(new ByteArrayInputStream(file));
        assertThat(digest.pdq()).isNotNull();
        assertThat(digest.metadata()).isNotNull();
        assertThat(digest.metadata().make()).isEqualTo("SyntheCam");
        assertThat(digest.size()).isEqualTo(file.length);
    }

    @Test
    void aFileWithoutMetadataOrNotAnImageHasNone() throws IOException {
        byte[] plain = SyntheticImages.png(SyntheticImages.scene(7, 64, 64));
        assertThat(reader.read(plain, plain.length)).isEmpty();
        byte[] text = "not an image at all".getBytes();
        assertThat(reader.read(text, text.length)).isEmpty();
        assertThat(new MediaDigester().digest(new ByteArrayInputStream(text)).metadata()).isNull();
    }

    @Test
    void aTruncatedOrCorruptHeadGivesWhatCanBeReadAndNeverThrows() {
        byte[] file = cameraJpeg();
        for (int cut : new int[] {3, 20, 60, 200, file.length / 2}) {
            reader.read(Arrays.copyOf(file, cut), cut);
        }
        byte[] corrupt = file.clone();
        for (int i = 12; i < 200; i += 7) {
            corrupt[i] = (byte) 0xFF;
        }
        reader.read(corrupt, corrupt.length);
    }

    @Test
    void aRealCameraPhotoOfTheConformanceSetIsRead() throws IOException, URISyntaxException {
        Path photo = Path.of(CameraMetadataReaderTest.class.getResource(
                "/conformance/pdq/images/reg-test-input_exif-rotn_exif-rotn-6.jpg").toURI());
        byte[] bytes = Files.readAllBytes(photo);
        int head = Math.min(bytes.length, MediaDigester.METADATA_HEAD);
        ImageMetadata m = reader.read(bytes, head).orElseThrow();
        assertThat(m).satisfiesAnyOf(x -> assertThat(x.make()).isNotBlank(),
                x -> assertThat(x.dateTimeOriginal()).isNotBlank());
    }

    @Test
    void exifAndIptcTimesBecomeIso() {
        assertThat(CameraMetadataReader.exifTime("2026:11:20 07:15:00", null)).isEqualTo("2026-11-20T07:15:00");
        assertThat(CameraMetadataReader.exifTime("0000:00:00 00:00:00", null)).isNull();
        assertThat(CameraMetadataReader.exifTime("garbage", "+01:00")).isNull();
        assertThat(CameraMetadataReader.isoTime("2026-11-20T07:15+02:00")).isEqualTo("2026-11-20T07:15:00+02:00");
        assertThat(CameraMetadataReader.iptcTime("20261120", "071500+0100")).isEqualTo("2026-11-20T07:15:00+01:00");
        assertThat(CameraMetadataReader.iptcTime("2026:11:20", null)).isEqualTo("2026-11-20");
    }
}
