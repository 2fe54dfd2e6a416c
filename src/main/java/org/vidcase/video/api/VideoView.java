package org.vidcase.video.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A video's decoding, vPDQ hash and key frames.
 *
 * @param state          PENDING, HASHED or FAILED
 * @param failure        why a FAILED video has no vPDQ hash (it stays a hash-only item)
 * @param framesSampled  frames hashed (one a second by default)
 * @param framesStored   of those, the frames kept after consecutive near-identical ones were pruned
 * @param keyFrames      representative frames in time order; their previews are blurred greyscale
 */
public record VideoView(UUID caseId, UUID mediaItemId, String state, String failure, String container, String codec,
                        Double durationSeconds, Double frameRate, Integer width, Integer height, Integer framesSampled,
                        Integer framesStored, Long decodedFrames, Instant hashedAt, List<KeyFrameView> keyFrames) {

    /**
     * @param timestamp {@code HH:MM:SS.s} from the start
     * @param preview   the blurred greyscale thumbnail's path
     */
    public record KeyFrameView(int index, int frameNumber, double timestampSeconds, String timestamp, int quality,
                               String pdq, int width, int height, String preview) {
    }
}
