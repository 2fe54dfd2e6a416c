package org.vidcase.synthetic;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Writes a folder of synthetic pictures with its ground truth, for measuring near-duplicate and
 * series detection. Two kinds:
 * <ul>
 *   <li>{@link Kind#COPIES}: each scene once as taken and once per {@link CopyEdit};</li>
 *   <li>{@link Kind#SHOTS}: each scene as several distinct pictures (another viewpoint, moved
 *       objects, other light).</li>
 * </ul>
 * File names are random and the files carry no metadata, so a result on the set comes from the
 * pixels alone. {@code ground-truth.csv} lists {@code file,series,version} for every file.
 */
public final class SyntheticSetGenerator {

    public static final String GROUND_TRUTH = "ground-truth.csv";

    public enum Kind { COPIES, SHOTS }

    private static final int[][] SIZES = {{640, 480}, {800, 600}, {480, 640}, {1024, 768}, {600, 600}, {720, 405}};

    /** One file written, with the series it belongs to. */
    public record Entry(Path file, String series, String version) {
    }

    private final Kind kind;
    private final long seed;
    private final int shotsPerScene;

    public SyntheticSetGenerator(Kind kind, long seed, int shotsPerScene) {
        this.kind = kind;
        this.seed = seed;
        this.shotsPerScene = shotsPerScene;
    }

    /** Writes {@code scenes} scenes into {@code folder} (created if missing). */
    public List<Entry> write(Path folder, int scenes) throws IOException {
        Files.createDirectories(folder);
        Random random = new Random(seed);
        List<Entry> entries = new ArrayList<>();
        for (int s = 0; s < scenes; s++) {
            long sceneSeed = random.nextLong();
            ProceduralScene scene = ProceduralScene.of(sceneSeed);
            int[] size = SIZES[random.nextInt(SIZES.length)];
            String series = "scene-" + (s + 1);
            BufferedImage original = scene.render(size[0], size[1]);
            if (kind == Kind.COPIES) {
                entries.add(save(folder, original, series, "original", random, false));
                for (CopyEdit edit : CopyEdit.values()) {
                    BufferedImage copy = edit.apply(original, random);
                    entries.add(save(folder, copy, series, edit.name().toLowerCase(), random, edit == CopyEdit.JPEG_Q35));
                }
            } else {
                entries.add(save(folder, original, series, "shot-1", random, false));
                for (int k = 2; k <= shotsPerScene; k++) {
                    BufferedImage shot = scene.render(size[0], size[1], Shot.another(random));
                    entries.add(save(folder, shot, series, "shot-" + k, random, false));
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(folder.resolve(GROUND_TRUTH), StandardCharsets.UTF_8)) {
            out.write("file,series,version\n");
            for (Entry entry : entries) {
                out.write(entry.file().getFileName() + "," + entry.series() + "," + entry.version() + "\n");
            }
        }
        return entries;
    }

    /**
     * Saves as PNG or as JPEG at quality 90; a copy that is itself the low-quality re-encode keeps
     * exactly the bytes of that encode.
     */
    private static Entry save(Path folder, BufferedImage image, String series, String version, Random random,
                              boolean alreadyLowQualityJpeg) throws IOException {
        byte[] name = new byte[8];
        random.nextBytes(name);
        boolean png = !alreadyLowQualityJpeg && random.nextInt(4) == 0;
        String fileName = HexFormat.of().formatHex(name) + (png ? ".png" : ".jpg");
        byte[] bytes = png ? SyntheticImages.png(image)
                : SyntheticImages.jpeg(image, alreadyLowQualityJpeg ? 0.35f : 0.9f);
        Path file = folder.resolve(fileName);
        Files.write(file, bytes);
        return new Entry(file, series, version);
    }
}
