package org.vidcase.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vidcase.hashing.DecodeResult.Decoded;

/**
 * Runs the whole PDQ conformance set ({@code conformance/pdq} in the test resources, hashes printed by the
 * reference C++ {@code pdq-photo-hasher}). The set is required: a missing folder fails the build
 * rather than silently skipping the only proof of compatibility.
 */
class PdqConformanceTest {

    private static final int JPEG_MAX_DISTANCE = 10;
    private static final int JPEG_MIN_QUALITY = 80;

    /**
     * Dihedral hashes are computed from the original's DCT, not from rotated pixels; the
     * reference does the same. Against the hashes of the actually rotated files they are exact
     * for some transforms and differ by a few bits for the others, because the box filter's edges
     * and the 64x64 sampling grid are not symmetric. These are the distances measured; any
     * increase means the hashing changed.
     */
    private static final Map<Dihedral, Integer> DIHEDRAL_MAX_DISTANCE = new EnumMap<>(Map.of(
            Dihedral.ORIGINAL, 0,
            Dihedral.ROTATE_90, 12,
            Dihedral.ROTATE_180, 12,
            Dihedral.ROTATE_270, 0,
            Dihedral.FLIP_X, 0,
            Dihedral.FLIP_Y, 12,
            Dihedral.FLIP_PLUS_1, 0,
            Dihedral.FLIP_MINUS_1, 12));

    private static final Map<Dihedral, String> DIHEDRAL_FILES = new EnumMap<>(Map.of(
            Dihedral.ORIGINAL, "lossless_reg-test-input_dih_bridge-1-original.png",
            Dihedral.ROTATE_90, "lossless_reg-test-input_dih_bridge-2-rotate-90.png",
            Dihedral.ROTATE_180, "lossless_reg-test-input_dih_bridge-3-rotate-180.png",
            Dihedral.ROTATE_270, "lossless_reg-test-input_dih_bridge-4-rotate-270.png",
            Dihedral.FLIP_X, "lossless_reg-test-input_dih_bridge-5-flipx.png",
            Dihedral.FLIP_Y, "lossless_reg-test-input_dih_bridge-6-flipy.png",
            Dihedral.FLIP_PLUS_1, "lossless_reg-test-input_dih_bridge-7-flip-plus-1.png",
            Dihedral.FLIP_MINUS_1, "lossless_reg-test-input_dih_bridge-8-flip-minus-1.png"));

    private final ImageDecoder decoder = new ImageDecoder();
    private final PdqHasher hasher = new PdqHasher();

    private record Expected(PdqResult result, String file) {
    }

    /**
     * The set lives in the test resources ({@code src/test/resources/conformance/pdq}) and is read
     * from the test class path, so a clone on its own passes.
     */
    static Path conformanceDirectory() {
        URL csv = PdqConformanceTest.class.getResource("/conformance/pdq/expected-pdq.csv");
        assertThat(csv).as("PDQ conformance set on the test class path (src/test/resources/conformance/pdq)")
                .isNotNull();
        try {
            return Path.of(csv.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Expected> expected() {
        Path csv = conformanceDirectory().resolve("expected-pdq.csv");
        Map<String, Expected> expected = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).isEqualTo("pdq,quality,file");
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split(",", 3);
                PdqResult result = new PdqResult(PdqHash.fromHex(fields[0]), Integer.parseInt(fields[1]));
                expected.put(fields[2], new Expected(result, fields[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expected;
    }

    @Test
    void everyImageInTheSetHasAnExpectedHash() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> images = Files.list(conformanceDirectory().resolve("images"))) {
            images.forEach(image -> files.add(image.getFileName().toString()));
        }

        assertThat(files).containsExactlyInAnyOrderElementsOf(expected().keySet());
        assertThat(files).filteredOn(PdqConformanceTest::isLossless).hasSizeGreaterThanOrEqualTo(30);
    }

    /** PNG decoding is exact, so every PNG (not only lossless_*) must match to the bit. */
    @TestFactory
    Stream<DynamicTest> pngsMatchExactly() {
        return expected().values().stream()
                .filter(expected -> expected.file().endsWith(".png"))
                .map(expected -> dynamicTest(expected.file(), () ->
                        assertThat(hash(expected.file())).isEqualTo(expected.result())));
    }

    @TestFactory
    Stream<DynamicTest> jpegsOfGoodQualityAreWithinTenBits() {
        return expected().values().stream()
                .filter(expected -> expected.file().endsWith(".jpg"))
                .filter(expected -> expected.result().quality() >= JPEG_MIN_QUALITY)
                .map(expected -> dynamicTest(expected.file(), () -> {
                    PdqResult actual = hash(expected.file());
                    assertThat(actual.hash().hammingDistance(expected.result().hash()))
                            .as("bits from %s", expected.result().hash())
                            .isLessThanOrEqualTo(JPEG_MAX_DISTANCE);
                }));
    }

    @TestFactory
    Stream<DynamicTest> dihedralsOfTheBridgeMatchItsTransformedFiles() {
        Map<String, Expected> expected = expected();
        DihedralHashes dihedrals = hasher.hashWithDihedrals(decode(DIHEDRAL_FILES.get(Dihedral.ORIGINAL)));
        return DIHEDRAL_FILES.entrySet().stream().map(entry -> dynamicTest(entry.getKey().name(), () -> {
            Expected transformed = expected.get(entry.getValue());
            assertThat(dihedrals.quality()).isEqualTo(transformed.result().quality());
            assertThat(dihedrals.get(entry.getKey()).hammingDistance(transformed.result().hash()))
                    .as("%s against %s", entry.getKey(), entry.getValue())
                    .isLessThanOrEqualTo(DIHEDRAL_MAX_DISTANCE.get(entry.getKey()));
        }));
    }

    private static boolean isLossless(String file) {
        return file.startsWith("lossless_") && file.endsWith(".png");
    }

    private PdqResult hash(String file) {
        return hasher.hash(decode(file));
    }

    private BufferedImage decode(String file) {
        DecodeResult result = decoder.decode(conformanceDirectory().resolve("images").resolve(file));
        assertThat(result).as(file).isInstanceOf(Decoded.class);
        return ((Decoded) result).image();
    }
}
