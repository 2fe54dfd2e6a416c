package org.vidcase.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vidcase.testsupport.SyntheticVideos;
import org.vidcase.testsupport.SyntheticVideos.Format;
import org.vidcase.testsupport.SyntheticVideos.Spec;

/**
 * The decoder's child process on generated videos of every required format and on bad input: each
 * file gets a result or a clear reason, and nothing that happens in the child reaches the caller.
 */
class ChildProcessDecoderTest {

    static final Spec THREE_SCENES = new Spec(List.of(11L, 22L, 33L), 2, 10, 160, 120);

    @TempDir
    static Path dir;

    static ChildProcessDecoder decoder(DecodeSettings decode, Duration timeout, String heap) {
        return new ChildProcessDecoder(new ChildProcessDecoder.Settings(ChildProcessDecoder.Settings.currentJava(),
                DecoderClassPath.discover(ChildProcessDecoderTest.class.getClassLoader()), heap, 4L << 30,
                dir.resolve("javacpp"), dir.resolve("work"), timeout, decode));
    }

    static VideoHashResult decode(Path video) throws IOException {
        return decoder(DecodeSettings.DEFAULTS, Duration.ofMinutes(2), "256m").hash(video, n -> { }, () -> false);
    }

    @BeforeAll
    static void warmJavacppCache() throws IOException {
        // The first child unpacks FFmpeg's libraries into the cache; later ones reuse them.
        decode(SyntheticVideos.write(dir.resolve("warm.mp4"), Format.MP4, THREE_SCENES));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyRequiredFormatIsHashedWithItsContainerAndCodec(Format format) throws IOException {
        Path video = SyntheticVideos.write(dir.resolve("scenes." + format.extension), format, THREE_SCENES);
        VideoHashResult result = decode(video);
        assertThat(result).as(format.name()).isInstanceOf(VideoHashResult.Hashed.class);
        VideoHashResult.Hashed hashed = (VideoHashResult.Hashed) result;
        assertThat(hashed.info().container()).isNotBlank();
        assertThat(hashed.info().codec()).isNotBlank();
        assertThat(hashed.decodedFrames()).isBetween(58L, 61L);
        // One frame a second of a 6-second video at 10 frames a second.
        assertThat(hashed.signature().frames()).extracting(VideoFrameHash::frameNumber)
                .containsExactly(0, 10, 20, 30, 40, 50);
        assertThat(hashed.signature().frames().get(2).timestamp()).isEqualTo(2.0);
        assertThat(hashed.keyFrames()).as("one key frame per scene").hasSize(3);
        assertThat(hashed.keyFrames()).extracting(k -> k.frame().timestamp()).isSorted();
        assertThat(hashed.keyFrames()).allSatisfy(k -> assertThat(k.picture()).startsWith((byte) 0xFF, (byte) 0xD8));
    }

    @Test
    void containerAndCodecAreRecordedAndAWrongExtensionDoesNotMatter() throws IOException {
        Path mp4 = SyntheticVideos.write(dir.resolve("named-wrongly.avi"), Format.MP4, THREE_SCENES);
        VideoHashResult.Hashed hashed = (VideoHashResult.Hashed) decode(mp4);
        assertThat(hashed.info().container()).contains("mp4");
        assertThat(hashed.info().codec()).isEqualTo("h264");
        assertThat(hashed.info().width()).isEqualTo(160);
        assertThat(hashed.info().frameRate()).isEqualTo(10.0);
    }

    @Test
    void aTruncatedFileGetsAReason() throws IOException {
        byte[] whole = Files.readAllBytes(SyntheticVideos.write(dir.resolve("whole.mkv"), Format.MKV,
                new Spec(List.of(1L, 2L, 3L, 4L), 3, 10, 160, 120)));
        Path cut = dir.resolve("cut.mkv");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 3));
        assertThat(decode(cut)).isInstanceOfSatisfying(VideoHashResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("truncated"));
        byte[] mp4 = Files.readAllBytes(SyntheticVideos.write(dir.resolve("whole.mp4"), Format.MP4, THREE_SCENES));
        Path cutMp4 = dir.resolve("cut.mp4");
        Files.write(cutMp4, java.util.Arrays.copyOf(mp4, mp4.length / 2));
        assertThat(decode(cutMp4)).isInstanceOfSatisfying(VideoHashResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("unreadable"));
    }

    @Test
    void notAVideoAudioOnlyAndEncryptedFilesGetReasons() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n".repeat(100), StandardCharsets.UTF_8);
        assertThat(decode(text)).isInstanceOfSatisfying(VideoHashResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("unreadable"));
        assertThat(decode(SyntheticVideos.audioOnly(dir.resolve("speech.m4a")))).isInstanceOfSatisfying(VideoHashResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo("no video stream: the file holds audio only"));
        assertThat(decode(encrypted(dir.resolve("protected.mp4")))).isInstanceOfSatisfying(VideoHashResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("encrypted"));
    }

    @Test
    void workIsBoundedByPixelsDurationFramesAndTime() throws IOException {
        Path video = SyntheticVideos.write(dir.resolve("bounded.mp4"), Format.MP4, THREE_SCENES);
        DecodeSettings d = DecodeSettings.DEFAULTS;
        assertThat(decoder(new DecodeSettings(1, 160 * 119, 36000, 1000, 8, 64, 1280, 1), Duration.ofMinutes(1), "256m")
                .hash(video, n -> { }, () -> false)).isInstanceOfSatisfying(VideoHashResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("too large: 160x120"));
        assertThat(decoder(new DecodeSettings(1, d.maxPixels(), 5, 1000, 8, 64, 1280, 1), Duration.ofMinutes(1), "256m")
                .hash(video, n -> { }, () -> false)).isInstanceOfSatisfying(VideoHashResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("too long"));
        assertThat(decoder(new DecodeSettings(1, d.maxPixels(), 36000, 30, 8, 64, 1280, 1), Duration.ofMinutes(1), "256m")
                .hash(video, n -> { }, () -> false)).isInstanceOfSatisfying(VideoHashResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("too many frames"));
        assertThat(decoder(d, Duration.ofMillis(300), "256m").hash(video, n -> { }, () -> false))
                .isInstanceOfSatisfying(VideoHashResult.Failed.class,
                        f -> assertThat(f.reason()).contains("time limit"));
    }

    @Test
    void aDecoderThatDiesIsAReasonNotAnException() throws IOException {
        Path video = SyntheticVideos.write(dir.resolve("dies.mp4"), Format.MP4, THREE_SCENES);
        // A heap too small for the JVM to start: the child exits at once, without a result.
        assertThat(decoder(DecodeSettings.DEFAULTS, Duration.ofMinutes(1), "1m").hash(video, n -> { }, () -> false))
                .isInstanceOfSatisfying(VideoHashResult.Failed.class,
                        f -> assertThat(f.reason()).startsWith("the decoder crashed"));
        assertThat(decoder(DecodeSettings.DEFAULTS, Duration.ofMinutes(1), "256m").hash(video, n -> { }, () -> true))
                .isEqualTo(new VideoHashResult.Failed(null, "cancelled"));
    }

    /** A generated MP4 whose sample entry is marked Common-Encryption protected ('avc1' becomes 'encv'). */
    static Path encrypted(Path file) throws IOException {
        byte[] mp4 = Files.readAllBytes(SyntheticVideos.write(file, Format.MP4, THREE_SCENES));
        String latin = new String(mp4, StandardCharsets.ISO_8859_1);
        int at = latin.lastIndexOf("avc1");
        assertThat(at).isPositive();
        mp4[at] = 'e';
        mp4[at + 1] = 'n';
        mp4[at + 2] = 'c';
        mp4[at + 3] = 'v';
        Files.write(file, mp4);
        return file;
    }
}
