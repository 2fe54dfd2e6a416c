package org.vidcase.hashing.video;

/**
 * Which decoded frames vPDQ hashes: every {@code n}-th, where {@code n} is the seconds per hash
 * times the stream's frame rate, truncated, and at least 1 (the reference's frame modulus). Zero
 * seconds per hash means every frame.
 */
public record FrameSampling(double secondsPerHash, double frameRate, int modulus) {

    public static FrameSampling of(double secondsPerHash, double frameRate) {
        if (!(secondsPerHash >= 0) || Double.isInfinite(secondsPerHash)) {
            throw new IllegalArgumentException("seconds per hash must be a non-negative number: " + secondsPerHash);
        }
        if (!(frameRate > 0) || Double.isInfinite(frameRate)) {
            throw new IllegalArgumentException("frame rate must be positive: " + frameRate);
        }
        return new FrameSampling(secondsPerHash, frameRate, Math.max(1, (int) (secondsPerHash * frameRate)));
    }

    public boolean sampled(long frameNumber) {
        return frameNumber % modulus == 0;
    }

    /** Seconds from the start of a frame, rounded to milliseconds as the reference prints them. */
    public double timestamp(long frameNumber) {
        return Math.round(frameNumber / frameRate * 1000.0) / 1000.0;
    }
}
