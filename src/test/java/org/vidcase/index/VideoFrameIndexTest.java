package org.vidcase.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VideoFrameIndexTest {

    private static long[] randomFrames(SplittableRandom r, int frames) {
        long[] w = new long[frames * 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextLong();
        }
        return w;
    }

    @Test
    void bothSharesAreExactlyVpdqsFromOneLookUpPerFrame() {
        SplittableRandom r = new SplittableRandom(3);
        long[] query = randomFrames(r, 10);
        long[] half = randomFrames(r, 20);
        // Video 2 holds the query's first 5 frames (one with 20 bits flipped) among 20 frames: query 50 %, compared 25 %.
        System.arraycopy(query, 0, half, 0, 20);
        half[0] ^= 0xFFFFFL;
        VideoFrameIndex index = new VideoFrameIndex();
        index.add(1, 7, randomFrames(r, 30));
        index.add(2, 7, half);
        index.addAll(new long[] {3, 4}, new int[] {8, 8}, new long[][] {query.clone(), randomFrames(r, 5)});

        List<VideoFrameIndex.Match> found = index.search(query, 31, g -> true);
        assertThat(found).extracting(VideoFrameIndex.Match::key).containsExactly(3L, 2L);
        assertThat(found.get(0).queryPercent()).isEqualTo(100.0);
        assertThat(found.get(0).comparedPercent()).isEqualTo(100.0);
        assertThat(found.get(1).queryPercent()).isEqualTo(50.0);
        assertThat(found.get(1).comparedPercent()).isEqualTo(25.0);
        assertThat(index.search(query, 31, g -> g == 7)).extracting(VideoFrameIndex.Match::key).containsExactly(2L);
        assertThat(index.search(query, 19, g -> g == 7).get(0).queryMatched()).isEqualTo(4);
        index.deactivateGroup(8);
        assertThat(index.search(query, 31, g -> true)).extracting(VideoFrameIndex.Match::key).containsExactly(2L);
        index.add(2, 7, query);
        assertThat(index.videos()).isEqualTo(4);
    }
}
