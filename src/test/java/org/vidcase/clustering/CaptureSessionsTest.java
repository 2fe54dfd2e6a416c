package org.vidcase.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureSessionsTest {

    private static CaptureSessions.Capture shot(String serial, String at) {
        return new CaptureSessions.Capture("Canon", "EOS 5D", serial, at);
    }

    @Test
    void picturesOfOneCameraCloseInTimeAreLinkedInTimeOrder() {
        List<CaptureSessions.Capture> captures = List.of(
                shot("A1", "2024-05-01T10:00:00"),
                shot("A1", "2024:05:01 10:04:00"),      // EXIF's own form
                shot("A1", "2024-05-01T10:20:00+02:00"), // 16 min after the previous: another session
                shot("B2", "2024-05-01T10:01:00"),      // another camera
                shot(null, "2024-05-01T10:02:00"),      // no serial: no signal
                shot("A1", "not a time"));

        List<int[]> pairs = CaptureSessions.links(captures, 600, i -> true);

        assertThat(pairs).hasSize(1);
        assertThat(Arrays.stream(pairs.get(0)).boxed().toList()).containsExactly(0, 1);
    }

    @Test
    void incrementallyOnlyPairsWithANewPictureCount() {
        List<CaptureSessions.Capture> captures = List.of(shot("A1", "2024-05-01T10:00:00"),
                shot("A1", "2024-05-01T10:01:00"), shot("A1", "2024-05-01T10:02:00"));

        List<int[]> pairs = CaptureSessions.links(captures, 600, i -> i == 2);

        assertThat(pairs).singleElement().satisfies(p -> assertThat(p).containsExactly(1, 2));
    }

    @Test
    void readsIsoAndExifTimes() {
        assertThat(CaptureSessions.parse("2024-05-01T10:00:00.123+01:00")).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0));
        assertThat(CaptureSessions.parse("2024:05:01 10:00:00")).isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 0));
        assertThat(CaptureSessions.parse("")).isNull();
        assertThat(CaptureSessions.parse("yesterday")).isNull();
    }

    @Test
    void joinedGroupsKeepTheirMembersTogether() {
        UnionFind sets = new UnionFind(4);
        sets.union(0, 1);
        Clustering pixels = Clustering.of(sets, 4, List.of());

        Clustering joined = pixels.joinedBy(List.<int[]>of(new int[] {1, 3}));

        assertThat(joined.group(0)).isEqualTo(joined.group(3)).isEqualTo(joined.group(1));
        assertThat(joined.group(2)).isNotEqualTo(joined.group(0));
        assertThat(pixels.group(3)).isNotEqualTo(pixels.group(0));
    }
}
