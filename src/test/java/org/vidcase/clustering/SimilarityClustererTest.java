package org.vidcase.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vidcase.hashing.Dihedral;
import org.vidcase.hashing.DihedralHashes;
import org.vidcase.hashing.ImageSignature;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.PdqHasher;
import org.vidcase.hashing.SignatureExtractor;
import org.vidcase.hashing.ViewKind;
import org.vidcase.synthetic.CopyEdit;
import org.vidcase.synthetic.ProceduralScene;

class SimilarityClustererTest {

    private static final int SCENES = 4;
    private static final List<ImageSignature> SIGNATURES = new ArrayList<>();
    private static final List<ImageSignature> PLAIN = new ArrayList<>();
    private static final List<String> TRUTH = new ArrayList<>();
    private static final List<CopyEdit> EDIT = new ArrayList<>();

    @BeforeAll
    static void pictures() {
        PdqHasher hasher = new PdqHasher();
        SignatureExtractor extractor = new SignatureExtractor();
        Random random = new Random(20261203);
        for (int s = 0; s < SCENES; s++) {
            BufferedImage original = ProceduralScene.of(random.nextLong()).render(640, 480);
            add(hasher, extractor, original, "scene-" + s, null);
            for (CopyEdit edit : CopyEdit.values()) {
                add(hasher, extractor, edit.apply(original, random), "scene-" + s, edit);
            }
        }
    }

    private static void add(PdqHasher hasher, SignatureExtractor extractor, BufferedImage image, String scene,
                            CopyEdit edit) {
        DihedralHashes hashes = hasher.hashWithDihedrals(image);
        SIGNATURES.add(extractor.extract(image, hashes));
        PLAIN.add(ImageSignature.ofHash(hashes.get(Dihedral.ORIGINAL)));
        TRUTH.add(scene);
        EDIT.add(edit);
    }

    private static List<Integer> groups(Clustering clustering) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < clustering.size(); i++) {
            out.add(clustering.group(i));
        }
        return out;
    }

    @Test
    void everyEditedCopyJoinsItsOriginalAndNoTwoScenesMeet() {
        Clustering clustering = new SimilarityClusterer(31, 2).cluster(SIGNATURES);

        PairwiseEvaluation evaluation = PairwiseEvaluation.of(TRUTH, groups(clustering));
        assertThat(evaluation.precision()).isEqualTo(1.0);
        assertThat(evaluation.recall()).isEqualTo(1.0);
        assertThat(clustering.groups()).isEqualTo(SCENES);
        assertThat(clustering.multiMemberGroups()).hasSize(SCENES).allSatisfy(m -> assertThat(m).hasSize(9));
    }

    @Test
    void plainPdqMissesCropsAndFrames() {
        Clustering clustering = new SimilarityClusterer(31, 2).cluster(PLAIN);

        PairwiseEvaluation evaluation = PairwiseEvaluation.of(TRUTH, groups(clustering));
        assertThat(evaluation.precision()).isEqualTo(1.0);
        assertThat(evaluation.recall()).isLessThan(0.8);
        for (int i = 0; i < EDIT.size(); i++) {
            if (EDIT.get(i) == CopyEdit.CROP || EDIT.get(i) == CopyEdit.BORDER) {
                int original = i - EDIT.get(i).ordinal() - 1;
                assertThat(clustering.group(i)).as("a %s copy apart from its original", EDIT.get(i))
                        .isNotEqualTo(clustering.group(original));
            }
        }
    }

    @Test
    void linksSayWhichViewsMet() {
        List<SimilarLink> links = new SimilarityClusterer(31, 1).links(SIGNATURES, done -> { });

        Set<ViewKind> found = new HashSet<>();
        Set<ViewKind> probes = new HashSet<>();
        for (SimilarLink link : links) {
            assertThat(link.first()).isLessThan(link.second());
            assertThat(link.distance()).isBetween(0, 31);
            assertThat(TRUTH.get(link.first())).isEqualTo(TRUTH.get(link.second()));
            found.add(link.found());
            probes.add(link.probe());
        }
        assertThat(found).contains(ViewKind.FULL);
        assertThat(probes).contains(ViewKind.FULL, ViewKind.FULL_TURNED);
    }

    @Test
    void theRadiusIsInclusive() {
        PdqHash a = PdqHash.fromWords(0x0f0f0f0f0f0f0f0fL, 0x3333333333333333L, 0x5555555555555555L, 0x00ff00ff00ff00ffL);
        PdqHash at31 = flipBits(a, 0, 31);
        PdqHash at32 = flipBits(a, 128, 32);

        Clustering clustering = new SimilarityClusterer(31, 1)
                .cluster(List.of(ImageSignature.ofHash(a), ImageSignature.ofHash(at31), ImageSignature.ofHash(at32)));

        assertThat(clustering.group(1)).isEqualTo(clustering.group(0));
        assertThat(clustering.group(2)).isNotEqualTo(clustering.group(0));
        assertThat(clustering.links()).singleElement().satisfies(link -> {
            assertThat(link.distance()).isEqualTo(31);
            assertThat(link.score(31)).isEqualTo(1.0 / 32);
        });
    }

    @Test
    void picturesWithoutUsableViewsStayAlone() {
        Clustering clustering = new SimilarityClusterer(31, 1)
                .cluster(List.of(ImageSignature.empty(), ImageSignature.empty()));

        assertThat(clustering.groups()).isEqualTo(2);
    }

    @Test
    void aRadiusOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new SimilarityClusterer(65, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityClusterer(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The hash with {@code bits} bits flipped from bit {@code from} on. */
    private static PdqHash flipBits(PdqHash hash, int from, int bits) {
        long[] w = {hash.word(0), hash.word(1), hash.word(2), hash.word(3)};
        for (int k = from; k < from + bits; k++) {
            w[k / 64] ^= 1L << (k % 64);
        }
        return PdqHash.fromWords(w[0], w[1], w[2], w[3]);
    }
}
