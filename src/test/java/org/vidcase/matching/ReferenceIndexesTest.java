package org.vidcase.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcase.synthetic.SyntheticImages;
import org.vidcase.hashing.MediaDigest;
import org.vidcase.hashing.MediaDigester;
import org.vidcase.hashing.PdqHasher;

class ReferenceIndexesTest {

    private static final int SET = 7;
    private static final int OTHER_SET = 8;

    @Test
    void findsExactDigestsAndPhotoDnaAndNamesTheHashThatMatched() {
        byte[] photoDna = new byte[144];
        photoDna[3] = 9;
        ReferenceIndexes index = ReferenceIndexes.build(ReferenceIndexes.batch(4)
                .add(EntryIds.of(SET, 0), "0123456789abcdef0123456789abcdef", null, null, null, null, null, 50)
                .add(EntryIds.of(SET, 1), null, "0123456789abcdef0123456789abcdef01234567", null, null, null,
                        ReferenceIndexes.photoDnaKey(photoDna), 50), 50);

        List<KnownMatch> found = index.match(new MatchQuery("0123456789abcdef0123456789abcdef",
                "0123456789abcdef0123456789abcdef01234567", null, photoDna, null, null, null), 31, s -> true);

        assertThat(found).containsExactlyInAnyOrder(
                new KnownMatch(EntryIds.of(SET, 0), SET, MatchType.MD5, 0, null),
                new KnownMatch(EntryIds.of(SET, 1), SET, MatchType.SHA1, 0, null),
                new KnownMatch(EntryIds.of(SET, 1), SET, MatchType.PHOTODNA, 0, null));
        assertThat(index.match(new MatchQuery("ffffffffffffffffffffffffffffffff", null, null, null, null, null, null),
                31, s -> true)).isEmpty();
    }

    @Test
    void aRotatedCopyMatchesThroughItsDihedralVariantsAndAResizedOneDirectly() throws Exception {
        // Square: PDQ blurs each axis by a window that depends on its length, so a turned non-square
        // image hashes 12-34 bits away from its original's rotated hash (measured on 30 scenes).
        BufferedImage original = SyntheticImages.scene(4242, 300, 300);
        String reference = new PdqHasher().hash(original).hash().toHex();
        ReferenceIndexes index = ReferenceIndexes.build(ReferenceIndexes.batch(1)
                .add(EntryIds.of(SET, 5), null, null, null, reference, 100, null, 50), 50);

        MediaDigest rotated = digest(SyntheticImages.png(rotate90(original)));
        List<KnownMatch> withVariants = index.match(query(rotated, rotated.pdqVariants()), 31, s -> true);
        assertThat(withVariants).hasSize(1);
        assertThat(withVariants.get(0).type()).isEqualTo(MatchType.PDQ);
        assertThat(withVariants.get(0).dihedral()).isEqualTo("ROTATE_90");
        assertThat(withVariants.get(0).distance()).isZero();
        // Without the variants the rotated copy is far from the original.
        assertThat(index.match(query(rotated, null), 31, s -> true)).isEmpty();

        MediaDigest smaller = digest(SyntheticImages.jpeg(SyntheticImages.resized(original, 0.6), 0.8f));
        List<KnownMatch> resized = index.match(query(smaller, null), 31, s -> true);
        assertThat(resized).extracting(KnownMatch::dihedral).containsExactly("ORIGINAL");
    }

    @Test
    void lowQualityItemsAndEntriesAreNotNearMatchedAndSetFiltersAndDeactivationHide() {
        String hash = new PdqHasher().hash(SyntheticImages.scene(77, 320, 240)).hash().toHex();
        ReferenceIndexes index = ReferenceIndexes.build(ReferenceIndexes.batch(2)
                .add(EntryIds.of(SET, 0), null, null, null, hash, 100, null, 50)
                .add(EntryIds.of(OTHER_SET, 0), null, null, null, hash, 49, null, 50), 50);

        assertThat(index.match(new MatchQuery(null, null, null, null, hash, 100, null), 31, s -> true))
                .extracting(KnownMatch::setIndexId).containsExactly(SET);
        assertThat(index.match(new MatchQuery(null, null, null, null, hash, 49, null), 31, s -> true)).isEmpty();
        assertThat(index.match(new MatchQuery(null, null, null, null, hash, null, null), 31, s -> s != SET)).isEmpty();

        index.deactivateSet(SET);
        assertThat(index.match(new MatchQuery(null, null, null, null, hash, 100, null), 31, s -> true)).isEmpty();
        index.activateSet(SET);
        assertThat(index.match(new MatchQuery(null, null, null, null, hash, 100, null), 31, s -> true)).hasSize(1);
    }

    @Test
    void setsAddedLaterAreFoundWithoutARebuildAndRemovedSetsAreGone() {
        ReferenceIndexes index = ReferenceIndexes.build(ReferenceIndexes.batch(0), 50);
        String md5 = "00112233445566778899aabbccddeeff";
        MatchQuery q = new MatchQuery(md5, null, null, null, null, null, null);
        assertThat(index.match(q, 31, s -> true)).isEmpty();

        index.add(ReferenceIndexes.batch(1).add(EntryIds.of(OTHER_SET, 3), md5, null, null, null, null, null, 50));
        assertThat(index.match(q, 31, s -> true)).extracting(KnownMatch::entryId).containsExactly(EntryIds.of(OTHER_SET, 3));

        index.removeSet(OTHER_SET);
        assertThat(index.match(q, 31, s -> true)).isEmpty();
    }

    private static MatchQuery query(MediaDigest d, byte[] variants) {
        return new MatchQuery(d.md5(), d.sha1(), d.sha256(), null, d.pdq().hash().toHex(), d.pdq().quality(), variants);
    }

    private static MediaDigest digest(byte[] file) throws Exception {
        return new MediaDigester().digest(new ByteArrayInputStream(file));
    }

    /** Turned a quarter clockwise, pixel for pixel. */
    static BufferedImage rotate90(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        BufferedImage out = new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(h - 1 - y, x, in.getRGB(x, y));
            }
        }
        return out;
    }
}
