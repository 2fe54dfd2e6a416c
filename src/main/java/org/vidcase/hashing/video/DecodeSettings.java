package org.vidcase.hashing.video;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one video is decoded and hashed, and the bounds on the work: a file over any of them gets
 * no vPDQ hash but a reason.
 *
 * @param secondsPerHash     frames sampled every this many seconds (0: every frame)
 * @param maxPixels          refused when a frame has more pixels than this
 * @param maxDurationSeconds refused when the container claims a longer duration
 * @param maxFrames          stopped when more frames than this have been decoded
 * @param maxKeyFrames       representative frames kept, at most
 * @param sceneDistance      PDQ distance from a scene's first frame beyond which a new scene starts
 * @param keyFrameMaxSide    key frames are shrunk to at most this many pixels on their longer side
 * @param decoderThreads     FFmpeg decoding threads (1 keeps a decode to one core)
 */
public record DecodeSettings(double secondsPerHash, long maxPixels, double maxDurationSeconds, long maxFrames,
                             int maxKeyFrames, int sceneDistance, int keyFrameMaxSide, int decoderThreads) {

    public static final DecodeSettings DEFAULTS = new DecodeSettings(1.0, 4096L * 2304, 6 * 3600, 6L * 3600 * 60,
            8, 90, 1280, 1);

    public DecodeSettings {
        if (!(secondsPerHash >= 0) || maxPixels <= 0 || !(maxDurationSeconds > 0) || maxFrames <= 0
                || maxKeyFrames < 0 || sceneDistance < 0 || keyFrameMaxSide < 16 || decoderThreads < 0) {
            throw new IllegalArgumentException("invalid decode settings");
        }
    }

    public DecodeSettings withSecondsPerHash(double seconds) {
        return new DecodeSettings(seconds, maxPixels, maxDurationSeconds, maxFrames, maxKeyFrames, sceneDistance,
                keyFrameMaxSide, decoderThreads);
    }

    public DecodeSettings withMaxKeyFrames(int keyFrames) {
        return new DecodeSettings(secondsPerHash, maxPixels, maxDurationSeconds, maxFrames, keyFrames, sceneDistance,
                keyFrameMaxSide, decoderThreads);
    }

    /** As {@code name=value} arguments for the decoder's child process. */
    public List<String> toArguments() {
        List<String> out = new ArrayList<>();
        toMap().forEach((k, v) -> out.add(k + "=" + v));
        return out;
    }

    public static DecodeSettings fromArguments(List<String> arguments) {
        Map<String, String> m = new LinkedHashMap<>(DEFAULTS.toMap());
        for (String a : arguments) {
            int eq = a.indexOf('=');
            if (eq <= 0 || !m.containsKey(a.substring(0, eq))) {
                throw new IllegalArgumentException("unknown decode setting: " + a);
            }
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return new DecodeSettings(Double.parseDouble(m.get("seconds-per-hash")), Long.parseLong(m.get("max-pixels")),
                Double.parseDouble(m.get("max-duration")), Long.parseLong(m.get("max-frames")),
                Integer.parseInt(m.get("key-frames")), Integer.parseInt(m.get("scene-distance")),
                Integer.parseInt(m.get("key-frame-max-side")), Integer.parseInt(m.get("threads")));
    }

    private Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("seconds-per-hash", Double.toString(secondsPerHash));
        m.put("max-pixels", Long.toString(maxPixels));
        m.put("max-duration", Double.toString(maxDurationSeconds));
        m.put("max-frames", Long.toString(maxFrames));
        m.put("key-frames", Integer.toString(maxKeyFrames));
        m.put("scene-distance", Integer.toString(sceneDistance));
        m.put("key-frame-max-side", Integer.toString(keyFrameMaxSide));
        m.put("threads", Integer.toString(decoderThreads));
        return m;
    }
}
