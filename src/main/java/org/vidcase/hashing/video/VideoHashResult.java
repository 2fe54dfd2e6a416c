package org.vidcase.hashing.video;

import java.util.List;
import java.util.Objects;
import org.vidcase.hashing.video.KeyFrameSelector.KeyFrame;

/** What decoding one video file came to: its vPDQ hash and key frames, or why there is none. */
public sealed interface VideoHashResult {

    /** What the container said; null when the file could not even be opened. */
    VideoInfo info();

    /**
     * @param signature     every sampled frame, in frame order (not yet pruned)
     * @param keyFrames     representative frames in time order, JPEG-encoded
     * @param decodedFrames frames decoded in all (sampled or not)
     */
    record Hashed(VideoInfo info, VpdqSignature signature, List<KeyFrame> keyFrames, long decodedFrames)
            implements VideoHashResult {
        public Hashed {
            Objects.requireNonNull(info, "info");
            keyFrames = List.copyOf(keyFrames);
        }
    }

    /**
     * @param reason human-readable, e.g. "no video stream (audio only)", "too large: 7680x4320 ..."
     */
    record Failed(VideoInfo info, String reason) implements VideoHashResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
