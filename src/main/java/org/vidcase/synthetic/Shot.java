package org.vidcase.synthetic;

import java.util.Random;

/**
 * How one picture of a {@link ProceduralScene} is taken: where the camera points and how far it is
 * zoomed, how much the objects have moved since the last picture, and the light.
 *
 * @param panX            horizontal shift of the view, as a fraction of the frame's width
 * @param panY            vertical shift, as a fraction of the frame's height
 * @param zoom            magnification, 1 for the straight view
 * @param tilt            rotation of the camera in radians
 * @param placementJitter how far each object has moved, as a fraction of the frame
 * @param placementSeed   which way the objects moved
 * @param light           brightness gain, 1 for the straight view
 * @param warmth          colour temperature shift, -0.2 (cool) to 0.2 (warm)
 */
public record Shot(double panX, double panY, double zoom, double tilt, double placementJitter, long placementSeed,
                   double light, double warmth) {

    public static final Shot STRAIGHT = new Shot(0, 0, 1, 0, 0, 0, 1, 0);

    /** Another picture of the same scene moments later: the camera moved, so did people and things. */
    public static Shot another(Random random) {
        return new Shot((random.nextDouble() - 0.5) * 0.3, (random.nextDouble() - 0.5) * 0.2,
                0.85 + 0.4 * random.nextDouble(), (random.nextDouble() - 0.5) * 0.12,
                0.04 + 0.1 * random.nextDouble(), random.nextLong(),
                0.75 + 0.5 * random.nextDouble(), (random.nextDouble() - 0.5) * 0.3);
    }
}
