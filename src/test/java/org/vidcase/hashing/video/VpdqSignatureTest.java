package org.vidcase.hashing.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.video.KeyFrameSelector.KeyFrame;

class VpdqSignatureTest {

    private static final Random RANDOM = new Random(14);

    static PdqHash randomHash(Random random) {
        return PdqHash.fromWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** The hash with the first {@code bits} bits flipped. */
    static PdqHash flip(PdqHash h, int bits) {
        byte[] b = h.toBytes();
        for (int i = 0; i < bits; i++) {
            b[i / 8] ^= (byte) (1 << (i % 8));
        }
        return PdqHash.fromBytes(b);
    }

    static VpdqSignature video(List<PdqHash> hashes, int quality) {
        List<VideoFrameHash> frames = new ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            frames.add(new VideoFrameHash(i * 30, i, quality, hashes.get(i)));
        }
        return new VpdqSignature(frames);
    }

    @Test
    void comparisonGivesBothSharesOverDistinctUsableFrames() {
        List<PdqHash> scenes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            scenes.add(randomHash(RANDOM));
        }
        // The query is the compared video's first half, re-encoded (a few bits off), with a duplicate frame.
        List<PdqHash> query = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            query.add(flip(scenes.get(i), 20));
        }
        query.add(query.get(4));
        VpdqComparison.Result r = VpdqComparison.compare(video(query, 90), video(scenes, 90), 31, 50);
        assertThat(r.queryFrames()).isEqualTo(5);
        assertThat(r.comparedFrames()).isEqualTo(10);
        assertThat(r.queryPercent()).isEqualTo(100.0);
        assertThat(r.comparedPercent()).isEqualTo(50.0);
        assertThat(r.matches(0, 50)).isTrue();
        assertThat(r.matches(0, 80)).isFalse();
        // The radius is inclusive; one bit more and nothing matches.
        query.replaceAll(h -> flip(h, 31));
        assertThat(VpdqComparison.compare(video(query.subList(0, 1), 90), video(scenes, 90), 31, 50).queryPercent())
                .isEqualTo(100.0);
        List<PdqHash> far = List.of(flip(scenes.get(0), 32));
        assertThat(VpdqComparison.compare(video(far, 90), video(scenes, 90), 31, 50).queryPercent()).isZero();
    }

    @Test
    void framesBelowTheQualityThresholdAreNotCompared() {
        List<PdqHash> hashes = List.of(randomHash(RANDOM), randomHash(RANDOM));
        VpdqComparison.Result r = VpdqComparison.compare(video(hashes, 49), video(hashes, 100), 31, 50);
        assertThat(r).isEqualTo(new VpdqComparison.Result(0, 0, 0, 2));
        assertThat(r.matches(0, 0)).isFalse();
    }

    @Test
    void pruningDropsRunsOfNearIdenticalFramesKeptOnce() {
        PdqHash a = randomHash(RANDOM);
        PdqHash b = randomHash(RANDOM);
        VpdqSignature s = video(List.of(a, flip(a, 3), flip(a, 6), b, b, flip(a, 1)), 80);
        assertThat(s.pruned(4).frames()).extracting(VideoFrameHash::frameNumber).containsExactly(0, 60, 90, 150);
        assertThat(s.pruned(0).size()).isEqualTo(5);
        assertThat(s.pruned(-1).size()).isEqualTo(6);
    }

    @Test
    void storedFormRoundTrips() {
        VpdqSignature s = new VpdqSignature(List.of(new VideoFrameHash(0, 0, 100, randomHash(RANDOM)),
                new VideoFrameHash(30, 1.001, 7, randomHash(RANDOM))));
        assertThat(VpdqSignature.fromBytes(s.toBytes())).isEqualTo(s);
        assertThatThrownBy(() -> VpdqSignature.fromBytes(new byte[43])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void referenceHashFileReadsAndWritesTheReferenceLines() throws IOException {
        String text = "0,100,e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,0.000\n"
                + "30,64,c0f11178372c6aaccddea259648fbfd62f434c89c9e99b249772be216c8d055c,1.001\n";
        VpdqSignature s = VpdqHashFile.read(new StringReader(text));
        assertThat(s.frames()).extracting(VideoFrameHash::frameNumber).containsExactly(0, 30);
        assertThat(s.frames().get(1).quality()).isEqualTo(64);
        assertThat(VpdqHashFile.write(s)).isEqualTo(text);
        // The Python wrapper's lines: hex,quality,timestamp.
        VpdqSignature compact = VpdqHashFile.read(new StringReader("# from vpdq\n"
                + "e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,100,0.000\n\n"
                + "c0f11178372c6aaccddea259648fbfd62f434c89c9e99b249772be216c8d055c,64,1.000\n"));
        assertThat(compact.frames()).extracting(VideoFrameHash::frameNumber).containsExactly(0, 1);
    }

    @Test
    void malformedHashFilesNameTheLine() {
        assertThatThrownBy(() -> VpdqHashFile.read(new StringReader("0,100,abc,0.0\n")))
                .hasMessageContaining("line 1").hasMessageContaining("PDQ hash");
        assertThatThrownBy(() -> VpdqHashFile.read(new StringReader(
                "5,100,e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,0.0\n"
                        + "5,100,e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,0.0\n")))
                .hasMessageContaining("line 2").hasMessageContaining("not after");
        assertThatThrownBy(() -> VpdqHashFile.read(new StringReader("# nothing\n")))
                .hasMessageContaining("no frame hash");
        assertThatThrownBy(() -> VpdqHashFile.read(new StringReader("1,2\n"))).hasMessageContaining("found 2 fields");
    }

    @Test
    void keyFramesAreOneFramePerSceneInTimeOrderAtMostTheLimit() {
        KeyFrameSelector selector = new KeyFrameSelector(3, 64, 50);
        List<PdqHash> scenes = List.of(randomHash(RANDOM), randomHash(RANDOM), randomHash(RANDOM), randomHash(RANDOM),
                randomHash(RANDOM));
        int frame = 0;
        List<Integer> pictures = new ArrayList<>();
        for (int s = 0; s < scenes.size(); s++) {
            for (int i = 0; i < 4; i++) {
                // Scene 2 is black (quality 0); the second sample of each other scene is the sharpest.
                int quality = s == 2 ? 0 : i == 1 ? 95 : 70;
                VideoFrameHash f = new VideoFrameHash(frame, frame, quality, flip(scenes.get(s), i * 5));
                int number = frame;
                selector.offer(f, () -> {
                    pictures.add(number);
                    return new byte[] {(byte) number};
                });
                frame++;
            }
        }
        List<KeyFrame> keys = selector.keyFrames();
        assertThat(keys).hasSize(3);
        assertThat(keys).extracting(k -> k.frame().frameNumber()).isSorted().doesNotContain(8, 9, 10, 11);
        assertThat(keys).allSatisfy(k -> assertThat(k.frame().quality()).isEqualTo(95));
        assertThat(keys).allSatisfy(k -> assertThat(k.picture()[0]).isEqualTo((byte) k.frame().frameNumber()));
        assertThat(pictures.size()).as("pictures encoded only when kept for now").isLessThan(frame / 2 + 1);
    }

    @Test
    void decoderProtocolRoundTripsAndAnUnfinishedResultIsAFailure() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecoderProtocol.Writer w = new DecoderProtocol.Writer(bytes);
        VideoInfo info = new VideoInfo("matroska,webm", "vp9", 640, 360, 25, 12.5);
        VideoFrameHash f = new VideoFrameHash(0, 0, 88, randomHash(RANDOM));
        w.info(info);
        w.frame(f);
        w.keyFrame(new KeyFrame(f, new byte[] {1, 2, 3}));
        w.end(312);
        byte[] whole = bytes.toByteArray();
        VideoHashResult.Hashed r = (VideoHashResult.Hashed) DecoderProtocol.read(new ByteArrayInputStream(whole));
        assertThat(r.info()).isEqualTo(info);
        assertThat(r.signature().frames()).containsExactly(f);
        assertThat(r.keyFrames().get(0).picture()).containsExactly(1, 2, 3);
        assertThat(r.decodedFrames()).isEqualTo(312);
        for (int cut : new int[] {0, 5, whole.length / 2, whole.length - 1}) {
            VideoHashResult partial = DecoderProtocol.read(new ByteArrayInputStream(java.util.Arrays.copyOf(whole, cut)));
            assertThat(partial).isInstanceOf(VideoHashResult.Failed.class);
        }
        ByteArrayOutputStream failed = new ByteArrayOutputStream();
        DecoderProtocol.Writer fw = new DecoderProtocol.Writer(failed);
        fw.info(info);
        fw.failed("no video stream: the file holds audio only");
        assertThat(DecoderProtocol.read(new ByteArrayInputStream(failed.toByteArray())))
                .isEqualTo(new VideoHashResult.Failed(info, "no video stream: the file holds audio only"));
    }

    @Test
    void samplingFollowsTheReferenceModulus() {
        assertThat(FrameSampling.of(1, 29.97).modulus()).isEqualTo(29);
        assertThat(FrameSampling.of(1, 0.5).modulus()).isEqualTo(1);
        assertThat(FrameSampling.of(0, 25).modulus()).isEqualTo(1);
        assertThat(FrameSampling.of(1, 30).timestamp(45)).isEqualTo(1.5);
        assertThat(FrameSampling.of(1, 30).sampled(60)).isTrue();
        assertThat(FrameSampling.of(1, 30).sampled(61)).isFalse();
    }
}
