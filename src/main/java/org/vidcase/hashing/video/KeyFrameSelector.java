package org.vidcase.hashing.video;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Picks a few representative frames of a video from its sampled frames, so that it can be triaged
 * without being played. A scene starts where a frame is further than {@code sceneDistance} from the
 * first frame of the current scene; each scene is represented by the best-quality frame among its
 * first few samples (a cut often lands on a blurred or dark frame). When there are more scenes
 * than key frames wanted, featureless scenes go first, then the one nearest its neighbour, so the
 * frames kept are the most distinct. Memory: at most {@code maxKeyFrames + 1} pictures.
 */
public final class KeyFrameSelector {

    /** A scene's representative is the best of its first this-many samples. */
    static final int LOOKAHEAD = 3;

    private final int maxKeyFrames;
    private final int sceneDistance;
    private final int minQuality;
    private final List<Scene> scenes = new ArrayList<>();
    private Scene current;

    /** A chosen frame and its picture (as the caller encoded it). */
    public record KeyFrame(VideoFrameHash frame, byte[] picture) {
    }

    public KeyFrameSelector(int maxKeyFrames, int sceneDistance, int minQuality) {
        if (maxKeyFrames < 1) {
            throw new IllegalArgumentException("at least one key frame: " + maxKeyFrames);
        }
        this.maxKeyFrames = maxKeyFrames;
        this.sceneDistance = sceneDistance;
        this.minQuality = minQuality;
    }

    /** Considers a sampled frame, in frame order; {@code picture} is asked for only if the frame is kept for now. */
    public void offer(VideoFrameHash frame, Supplier<byte[]> picture) {
        if (current == null || frame.hash().hammingDistance(current.anchor.hash()) > sceneDistance) {
            current = new Scene(frame);
            current.take(frame, picture.get());
            scenes.add(current);
            if (scenes.size() > maxKeyFrames) {
                dropOne();
            }
            return;
        }
        current.samples++;
        if (current.samples <= LOOKAHEAD && frame.quality() > current.best.quality()) {
            current.take(frame, picture.get());
        }
    }

    /** The key frames in time order. */
    public List<KeyFrame> keyFrames() {
        List<KeyFrame> out = new ArrayList<>(scenes.size());
        for (Scene s : scenes) {
            out.add(new KeyFrame(s.best, s.picture));
        }
        return out;
    }

    private void dropOne() {
        int victim = -1;
        for (int i = 0; i < scenes.size() - 1; i++) {
            if (scenes.get(i).best.quality() < minQuality) {
                victim = i;
                break;
            }
        }
        if (victim < 0) {
            int nearest = Integer.MAX_VALUE;
            for (int i = 1; i < scenes.size(); i++) {
                int d = scenes.get(i).best.hash().hammingDistance(scenes.get(i - 1).best.hash());
                if (d < nearest) {
                    nearest = d;
                    victim = scenes.get(i).best.quality() < scenes.get(i - 1).best.quality() ? i : i - 1;
                }
            }
        }
        Scene removed = scenes.remove(victim);
        if (removed == current) {
            // The scene goes on; later samples may still not replace a kept frame of another scene.
            current = new Scene(current.anchor);
            current.samples = LOOKAHEAD;
        }
    }

    private static final class Scene {
        final VideoFrameHash anchor;
        VideoFrameHash best;
        byte[] picture;
        int samples = 1;

        Scene(VideoFrameHash anchor) {
            this.anchor = anchor;
        }

        void take(VideoFrameHash frame, byte[] encoded) {
            best = frame;
            picture = encoded;
        }
    }
}
