package org.vidcase.hashing.video;

import java.util.Objects;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.PdqResult;

/**
 * The PDQ hash of one sampled video frame, as vPDQ records it.
 *
 * @param frameNumber the frame's position among the video stream's decoded frames, from 0
 * @param timestamp   seconds from the start: the frame number over the stream's frame rate, as the
 *                    reference computes it
 * @param quality     PDQ quality 0..100; frames below 50 are kept but not compared
 */
public record VideoFrameHash(int frameNumber, double timestamp, int quality, PdqHash hash) {

    public VideoFrameHash {
        Objects.requireNonNull(hash, "hash");
        if (frameNumber < 0) {
            throw new IllegalArgumentException("frame number must not be negative: " + frameNumber);
        }
        if (quality < 0 || quality > 100) {
            throw new IllegalArgumentException("quality must be within 0..100: " + quality);
        }
        if (!(timestamp >= 0) || Double.isInfinite(timestamp)) {
            throw new IllegalArgumentException("timestamp must be a non-negative number of seconds: " + timestamp);
        }
    }

    public static VideoFrameHash of(int frameNumber, double timestamp, PdqResult pdq) {
        return new VideoFrameHash(frameNumber, timestamp, pdq.quality(), pdq.hash());
    }

    public boolean usable(int minQuality) {
        return quality >= minQuality;
    }
}
