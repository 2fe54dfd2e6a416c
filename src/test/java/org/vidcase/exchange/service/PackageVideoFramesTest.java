package org.vidcase.exchange.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vidcase.exchange.format.VpdqFrame;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.video.VideoFrameHash;
import org.vidcase.hashing.video.VpdqSignature;

class PackageVideoFramesTest {

    private static byte[] stored(int frames) {
        Random random = new Random(frames);
        List<VideoFrameHash> out = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            byte[] hash = new byte[32];
            random.nextBytes(hash);
            out.add(new VideoFrameHash(i * 25, i * 1.0, 50 + i % 51, PdqHash.fromBytes(hash)));
        }
        return new VpdqSignature(out).toBytes();
    }

    @Test
    void aPackagesFramesStoreAsTheVideosOwnHash() {
        byte[] stored = stored(40);
        List<VpdqFrame> frames = PackageVideoFrames.of(stored, 10_000);
        assertThat(frames).hasSize(40);
        assertThat(frames.get(3)).isEqualTo(new VpdqFrame(75, VpdqSignature.fromBytes(stored).frames().get(3).hash().toHex(),
                53, 3000));
        assertThat(PackageVideoFrames.stored(frames)).isEqualTo(stored);
        assertThat(PackageVideoFrames.stored(List.of())).isNull();
    }

    @Test
    void pastTheLimitFramesAreSpreadOverTheWholeVideo() {
        byte[] stored = stored(1_000);
        List<VpdqFrame> frames = PackageVideoFrames.of(stored, 100);
        assertThat(frames).hasSize(100);
        assertThat(frames.get(0).frame()).isZero();
        assertThat(frames.get(99).frame()).isEqualTo(999 * 25);
        assertThat(frames).extracting(VpdqFrame::frame).isSorted().doesNotHaveDuplicates();
        assertThat(PackageVideoFrames.of(stored, 1)).extracting(VpdqFrame::frame).containsExactly(0L);
    }

    @Test
    void framesOutOfOrderOrWithABadQualityAreRefused() {
        String pdq = "0".repeat(64);
        assertThatThrownBy(() -> PackageVideoFrames.stored(List.of(new VpdqFrame(5, pdq, 90, 0),
                new VpdqFrame(4, pdq, 90, 0)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackageVideoFrames.stored(List.of(new VpdqFrame(5, pdq, 101, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackageVideoFrames.stored(List.of(new VpdqFrame(5, "xyz", 90, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
