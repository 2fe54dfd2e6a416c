package org.vidcase.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up scene, described in coordinates relative to its frame so that it can be rendered at
 * any size and from other viewpoints: a graded sky, a ground, and a dozen or more objects
 * (blobs, boxes, poles, polygons, striped panels) with a fine grain over all of it, loosely like
 * a photograph of a room or a yard. Everything follows from the seed; no photograph of anything
 * or anyone is involved.
 */
public final class ProceduralScene {

    private final long seed;
    private final Color skyTop;
    private final Color skyBottom;
    private final Color ground;
    private final double horizon;
    private final List<Element> elements;

    private ProceduralScene(long seed) {
        this.seed = seed;
        Random random = new Random(seed);
        skyTop = randomColor(random);
        skyBottom = randomColor(random);
        ground = randomColor(random);
        horizon = 0.35 + 0.3 * random.nextDouble();
        int count = 12 + random.nextInt(10);
        elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            elements.add(Element.random(random));
        }
    }

    public static ProceduralScene of(long seed) {
        return new ProceduralScene(seed);
    }

    public long seed() {
        return seed;
    }

    /** The scene as a camera straight in front of it sees it. */
    public BufferedImage render(int width, int height) {
        return render(width, height, Shot.STRAIGHT);
    }

    public BufferedImage render(int width, int height, Shot shot) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            AffineTransform view = new AffineTransform();
            view.translate(width / 2.0, height / 2.0);
            view.scale(shot.zoom(), shot.zoom());
            view.rotate(shot.tilt());
            view.translate(-width / 2.0 - shot.panX() * width, -height / 2.0 - shot.panY() * height);
            g.transform(view);
            // Draw the backdrop well beyond the frame so that panning and tilting never show an edge.
            int bx = -width;
            int by = -height;
            int horizonY = (int) (horizon * height);
            g.setPaint(new GradientPaint(0, by, lit(skyTop, shot), 0, horizonY, lit(skyBottom, shot)));
            g.fillRect(bx, by, 3 * width, horizonY - by);
            g.setPaint(new GradientPaint(0, horizonY, lit(ground, shot), 0, 2 * height, lit(ground.darker(), shot)));
            g.fillRect(bx, horizonY, 3 * width, 3 * height - horizonY);
            Random placement = new Random(seed ^ shot.placementSeed());
            for (Element element : elements) {
                double dx = shot.placementJitter() * (placement.nextDouble() - 0.5);
                double dy = shot.placementJitter() * (placement.nextDouble() - 0.5);
                element.draw(g, width, height, dx, dy, shot);
            }
        } finally {
            g.dispose();
        }
        addGrain(image, new Random(seed * 31 + shot.placementSeed()));
        return image;
    }

    /** Sensor-like noise of a few levels, so flat areas are not perfectly flat. */
    private static void addGrain(BufferedImage image, Random random) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int n = random.nextInt(9) - 4;
                int p = row[x];
                row[x] = (clamp(((p >> 16) & 0xff) + n) << 16) | (clamp(((p >> 8) & 0xff) + n) << 8)
                        | clamp((p & 0xff) + n);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
    }

    static Color lit(Color color, Shot shot) {
        double gain = shot.light();
        double warm = shot.warmth();
        return new Color(clamp((int) (color.getRed() * gain * (1 + warm))),
                clamp((int) (color.getGreen() * gain)),
                clamp((int) (color.getBlue() * gain * (1 - warm))));
    }

    static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static Color randomColor(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }

    /** One object of the scene, in coordinates relative to the frame. */
    private record Element(int kind, double x, double y, double w, double h, double angle, Color color,
                           Color second, int stripes, float stroke) {

        static Element random(Random random) {
            return new Element(random.nextInt(5), random.nextDouble(), 0.1 + 0.85 * random.nextDouble(),
                    0.06 + 0.3 * random.nextDouble(), 0.06 + 0.3 * random.nextDouble(),
                    (random.nextDouble() - 0.5) * Math.PI / 3, randomColor(random), randomColor(random),
                    2 + random.nextInt(7), 2 + random.nextInt(10));
        }

        void draw(Graphics2D g, int width, int height, double dx, double dy, Shot shot) {
            double cx = (x + dx) * width;
            double cy = (y + dy) * height;
            double pw = w * width;
            double ph = h * height;
            AffineTransform saved = g.getTransform();
            g.translate(cx, cy);
            g.rotate(angle);
            g.setColor(lit(color, shot));
            switch (kind) {
                case 0 -> g.fillOval((int) (-pw / 2), (int) (-ph / 2), (int) pw, (int) ph);
                case 1 -> g.fillRoundRect((int) (-pw / 2), (int) (-ph / 2), (int) pw, (int) ph,
                        (int) (pw / 5), (int) (ph / 5));
                case 2 -> {
                    g.setStroke(new BasicStroke(stroke * width / 640f));
                    g.drawLine(0, (int) (-ph), 0, (int) ph);
                }
                case 3 -> {
                    Polygon polygon = new Polygon();
                    for (int i = 0; i < stripes + 1; i++) {
                        double a = 2 * Math.PI * i / (stripes + 1);
                        double r = (i % 2 == 0 ? 1.0 : 0.55) / 2;
                        polygon.addPoint((int) (Math.cos(a) * r * pw), (int) (Math.sin(a) * r * ph));
                    }
                    g.fillPolygon(polygon);
                }
                default -> {
                    int bands = stripes * 2;
                    for (int i = 0; i < bands; i++) {
                        g.setColor(lit(i % 2 == 0 ? color : second, shot));
                        g.fillRect((int) (-pw / 2 + i * pw / bands), (int) (-ph / 2), (int) Math.ceil(pw / bands),
                                (int) ph);
                    }
                }
            }
            g.setTransform(saved);
        }
    }
}
