package org.vidcase.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PdqHasherTest {

    private final PdqHasher hasher = new PdqHasher();

    @Test
    void imagesBelowFivePixelsGetTheZeroHashWithQualityZero() {
        PdqResult result = hasher.hash(PatternImages.rgb(4, 300));

        assertThat(result.hash().toHex()).isEqualTo("0".repeat(64));
        assertThat(result.quality()).isZero();
        assertThat(result.usableForMatching()).isFalse();
    }

    @Test
    void structuredImageHashesWithFullQuality() {
        PdqResult result = hasher.hash(PatternImages.rgb(300, 200));

        assertThat(result.quality()).isEqualTo(100);
        assertThat(result.usableForMatching()).isTrue();
        // The median threshold sets half of the bits.
        assertThat(result.hash().bitCount()).isBetween(120, 136);
    }

    @Test
    void flatImageHasQualityZero() {
        assertThat(hasher.hash(PatternImages.solid(100, 100, 0x808080)).quality()).isZero();
    }

    @Test
    void packedPixelsHashLikeTheImage() {
        for (int[] size : new int[][] {{300, 200}, {64, 64}, {700, 90}}) {
            int[] pixels = PatternImages.packedRgb(size[0], size[1]);

            assertThat(hasher.hash(pixels, size[0], size[1]))
                    .isEqualTo(hasher.hash(PatternImages.rgb(size[0], size[1])));
        }
    }

    @Test
    void alphaIsIgnored() {
        assertThat(hasher.hash(PatternImages.argb(200, 150))).isEqualTo(hasher.hash(PatternImages.rgb(200, 150)));
    }

    @Test
    void sixteenBitSamplesHashLikeTheirEightBitOriginals() {
        assertThat(hasher.hash(PatternImages.gray16(120, 90))).isEqualTo(hasher.hash(PatternImages.gray8(120, 90)));
        assertThat(hasher.hash(PatternImages.rgb16(120, 90))).isEqualTo(hasher.hash(PatternImages.rgb(120, 90)));
    }

    @Test
    void reuseAcrossSizesGivesTheSameResultsAsFreshHashers() {
        BufferedImage large = PatternImages.rgb(900, 700);
        BufferedImage small = PatternImages.rgb(40, 30);
        PdqResult largeFirst = hasher.hash(large);
        PdqResult smallAfter = hasher.hash(small);

        assertThat(largeFirst).isEqualTo(new PdqHasher().hash(large));
        assertThat(smallAfter).isEqualTo(new PdqHasher().hash(small));
        assertThat(hasher.hash(large)).isEqualTo(largeFirst);
    }

    @Test
    void subimagesHashTheirOwnPixels() {
        BufferedImage whole = PatternImages.rgb(400, 300);
        BufferedImage part = whole.getSubimage(50, 40, 200, 150);
        BufferedImage copy = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(part, 0, 0, null);

        assertThat(hasher.hash(part)).isEqualTo(hasher.hash(copy));
    }

    @Test
    void originalDihedralEqualsThePlainHash() {
        BufferedImage image = PatternImages.rgb(320, 240);

        DihedralHashes dihedrals = hasher.hashWithDihedrals(image);

        assertThat(dihedrals.result(Dihedral.ORIGINAL)).isEqualTo(hasher.hash(image));
        assertThat(dihedrals.hashes()).hasSize(8);
    }

    @Test
    void dihedralVariantsEqualHashesOfTheTransformedPixels() {
        // 320 is a multiple of 64 and gives an odd box window (3), so sampling and filtering are
        // symmetric and the DCT-domain transforms are exact. (Not so in general: see
        // PdqConformanceTest.)
        BufferedImage image = PatternImages.rgb(320, 320);

        DihedralHashes dihedrals = hasher.hashWithDihedrals(image);

        for (Dihedral transform : Dihedral.values()) {
            PdqHash fromPixels = hasher.hash(PatternImages.transform(image, transform)).hash();
            assertThat(dihedrals.get(transform)).as(transform.name()).isEqualTo(fromPixels);
        }
        assertThat(dihedrals.get(Dihedral.ROTATE_90).hammingDistance(dihedrals.get(Dihedral.ORIGINAL)))
                .isGreaterThan(64);
    }

    @Test
    void dihedralTransformsComposeLikeTheSymmetriesOfASquare() {
        float[] dct = new float[256];
        Random random = new Random(7);
        for (int i = 0; i < dct.length; i++) {
            dct[i] = random.nextFloat() - 0.5f;
        }

        assertThat(twice(Dihedral.ROTATE_90, dct)).containsExactly(once(Dihedral.ROTATE_180, dct));
        assertThat(compose(Dihedral.ROTATE_90, Dihedral.ROTATE_180, dct)).containsExactly(once(Dihedral.ROTATE_270, dct));
        assertThat(compose(Dihedral.ROTATE_90, Dihedral.ROTATE_270, dct)).containsExactly(dct);
        for (Dihedral reflection : new Dihedral[] {Dihedral.FLIP_X, Dihedral.FLIP_Y, Dihedral.FLIP_PLUS_1, Dihedral.FLIP_MINUS_1}) {
            assertThat(twice(reflection, dct)).as(reflection.name()).containsExactly(dct);
        }
        assertThat(compose(Dihedral.FLIP_X, Dihedral.FLIP_Y, dct)).containsExactly(once(Dihedral.ROTATE_180, dct));
        assertThat(compose(Dihedral.FLIP_PLUS_1, Dihedral.FLIP_MINUS_1, dct)).containsExactly(once(Dihedral.ROTATE_180, dct));
    }

    @Test
    void rejectsABufferTooSmallForItsDimensions() {
        assertThatThrownBy(() -> hasher.hash(new int[99], 10, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static float[] once(Dihedral transform, float[] dct) {
        float[] out = new float[256];
        transform.apply(dct, out);
        return out;
    }

    private static float[] twice(Dihedral transform, float[] dct) {
        return compose(transform, transform, dct);
    }

    private static float[] compose(Dihedral first, Dihedral second, float[] dct) {
        return once(second, once(first, dct));
    }
}
