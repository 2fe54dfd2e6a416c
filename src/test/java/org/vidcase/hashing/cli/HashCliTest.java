package org.vidcase.hashing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void wrongArgumentsPrintUsageAndExitWithTwo() {
        for (String[] args : List.of(new String[0], new String[] {"frobnicate"}, new String[] {"hash"},
                new String[] {"bench-hash"}, new String[] {"bench-hash", "x", "--rounds", "many"})) {
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage:");
    }

    @Test
    void hashPrintsOneRowPerFileInSortedOrder() throws Exception {
        writeImage(dir.resolve("b.png"), 120, 80);
        writeImage(dir.resolve("sub/c.png"), 60, 90);
        Files.writeString(dir.resolve("a.txt"), "plain text");

        int exit = run("hash", dir.toString());

        List<String> rows = stdoutLines();
        assertThat(exit).isZero();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(",," + String.join(",", digests(dir.resolve("a.txt"))) + "," + dir.resolve("a.txt"));
        assertThat(rows.get(1)).matches("[0-9a-f]{64},100,.*").endsWith("," + dir.resolve("b.png"));
        assertThat(rows.get(1).split(",")).containsSequence(digests(dir.resolve("b.png")));
        assertThat(rows.get(2)).endsWith("," + dir.resolve("sub/c.png"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void keepsInputOrderWhileHashingInParallel() throws Exception {
        for (int i = 0; i < 24; i++) {
            writeImage(dir.resolve(String.format("img-%02d.png", i)), 40 + i, 40);
        }

        run("hash", dir.resolve("img-23.png").toString(), dir.toString());

        List<String> rows = stdoutLines();
        assertThat(rows).hasSize(25);
        assertThat(rows.get(0)).endsWith("img-23.png");
        for (int i = 0; i < 24; i++) {
            assertThat(rows.get(i + 1)).endsWith(String.format("img-%02d.png", i));
        }
    }

    @Test
    void missingPathIsReportedAndFailsTheRunButOthersAreHashed() throws Exception {
        writeImage(dir.resolve("ok.png"), 50, 50);
        Path missing = dir.resolve("missing.png");

        int exit = run("hash", missing.toString(), dir.resolve("ok.png").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdoutLines()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(missing + ": no such file or directory");
    }

    @Test
    void undecodableImageIsReportedOnStderrButStillDigested() throws Exception {
        byte[] png = Files.readAllBytes(writeImage(dir.resolve("whole.png"), 200, 200));
        Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));

        int exit = run("hash", dir.resolve("cut.png").toString());

        assertThat(exit).isZero();
        assertThat(stdoutLines().get(0)).startsWith(",," + digests(dir.resolve("cut.png"))[0]);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cut.png: truncated");
    }

    @Test
    void benchHashReportsThroughput() throws Exception {
        writeImage(dir.resolve("one.png"), 100, 80);
        writeImage(dir.resolve("two.png"), 80, 100);
        Files.writeString(dir.resolve("notes.txt"), "not an image");

        int exit = run("bench-hash", dir.toString(), "--rounds", "1");

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(report).contains("images: 2 of 3 files", "cores: ", "jvm: ", "decode only:",
                "decode + md5/sha1/sha256/pdq:", "images/s");
    }

    @Test
    void hashPrintsTheVpdqHashOfAVideoAfterItsRow() throws Exception {
        org.vidcase.testsupport.SyntheticVideos.write(dir.resolve("clip.webm"),
                org.vidcase.testsupport.SyntheticVideos.Format.WEBM,
                new org.vidcase.testsupport.SyntheticVideos.Spec(List.of(5L, 6L), 1.5, 10, 160, 120));

        int exit = run("hash", dir.resolve("clip.webm").toString());

        assertThat(exit).isZero();
        List<String> lines = stdoutLines();
        assertThat(lines.get(0)).startsWith(",,").endsWith("clip.webm");
        assertThat(lines.subList(1, lines.size())).hasSize(3).allSatisfy(line ->
                assertThat(line).matches("#vpdq \\d+,\\d+,[0-9a-f]{64},\\d+\\.\\d{3}"));
        assertThat(lines.get(2)).startsWith("#vpdq 10,").endsWith(",1.000");
        org.vidcase.hashing.video.VpdqSignature parsed = org.vidcase.hashing.video.VpdqHashFile.read(
                new java.io.StringReader(String.join("\n", lines.subList(1, lines.size())).replace("#vpdq ", "")));
        assertThat(parsed.frames()).extracting(f -> f.frameNumber()).containsExactly(0, 10, 20);
    }

    private int run(String... args) {
        return HashCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<String> stdoutLines() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Path writeImage(Path file, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, ((x * 7) & 0xFF) << 16 | ((y * 5) & 0xFF) << 8 | ((x ^ y) & 0xFF));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static String[] digests(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        HexFormat hex = HexFormat.of();
        return new String[] {
            hex.formatHex(MessageDigest.getInstance("MD5").digest(bytes)),
            hex.formatHex(MessageDigest.getInstance("SHA-1").digest(bytes)),
            hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
        };
    }
}
