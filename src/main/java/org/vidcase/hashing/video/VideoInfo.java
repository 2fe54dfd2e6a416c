package org.vidcase.hashing.video;

/**
 * What a video file's container says about it, before anything is decoded.
 *
 * @param container        FFmpeg's name of the container format, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param codec            the video stream's codec, e.g. {@code h264}; null without a video stream
 * @param width            frame width in pixels; 0 without a video stream
 * @param height           frame height in pixels
 * @param frameRate        the stream's average frame rate (else its base rate), frames a second
 * @param durationSeconds  what the container claims, 0 when it does not say
 */
public record VideoInfo(String container, String codec, int width, int height, double frameRate,
                        double durationSeconds) {

    public long pixels() {
        return (long) width * height;
    }
}
