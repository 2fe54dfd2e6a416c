package org.vidcase.synthetic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Procedural pictures for demos, tests and benchmarks: gradients, shapes and a text label drawn
 * from a seed, plus the edits that real redistribution applies (resizing, cropping, re-encoding).
 * No photograph of anything or anyone is involved.
 */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /** A scene determined entirely by its seed. */
    public static BufferedImage scene(long seed, int width, int height) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, randomColor(random), width, height, randomColor(random)));
            g.fillRect(0, 0, width, height);
            for (int i = 0; i < 12; i++) {
                g.setColor(randomColor(random));
                int x = random.nextInt(width);
                int y = random.nextInt(height);
                int w = width / 10 + random.nextInt(width / 3);
                int h = height / 10 + random.nextInt(height / 3);
                switch (random.nextInt(3)) {
                    case 0 -> g.fillOval(x - w / 2, y - h / 2, w, h);
                    case 1 -> g.fillRect(x - w / 2, y - h / 2, w, h);
                    default -> {
                        g.setStroke(new BasicStroke(2 + random.nextInt(8)));
                        g.drawLine(x, y, random.nextInt(width), random.nextInt(height));
                    }
                }
            }
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(10, height / 12)));
            g.drawString("SYNTHETIC " + Long.toHexString(seed).toUpperCase(), width / 20, height - height / 10);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The same picture at another size, as a re-shared copy would be. */
    public static BufferedImage resized(BufferedImage source, double factor) {
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** A crop that removes {@code fraction} of each border. */
    public static BufferedImage cropped(BufferedImage source, double fraction) {
        int dx = (int) (source.getWidth() * fraction);
        int dy = (int) (source.getHeight() * fraction);
        BufferedImage sub = source.getSubimage(dx, dy, source.getWidth() - 2 * dx, source.getHeight() - 2 * dy);
        BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(sub, 0, 0, null);
        return out;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static Color randomColor(Random random) {
        return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
    }
}
