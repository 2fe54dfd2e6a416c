package org.vidcase.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageSignatureTest {

    private static final PdqHash A = PdqHash.fromWords(0x0123456789abcdefL, -1L, 0L, 0x5555555555555555L);
    private static final PdqHash B = PdqHash.fromWords(~0x0123456789abcdefL, 0L, -1L, 0x2222222222222222L);

    @Test
    void storedBytesReadBackToTheSameViews() {
        ImageSignature signature = new ImageSignature.Builder().add(ViewKind.FULL, A).add(ViewKind.CROP_WINDOW, B)
                .add(ViewKind.TOP_STRIP, A).build();

        ImageSignature read = ImageSignature.fromBytes(signature.toBytes());

        assertThat(read).isEqualTo(signature);
        assertThat(read.size()).isEqualTo(3);
        assertThat(read.kind(1)).isEqualTo(ViewKind.CROP_WINDOW);
        assertThat(read.hash(1)).isEqualTo(B);
        assertThat(signature.toBytes()).hasSize(3 * 33);
    }

    @Test
    void aHashOnlyItemHasTheWholePictureViewAlone() {
        ImageSignature signature = ImageSignature.ofHash(A);

        assertThat(signature.size()).isEqualTo(1);
        assertThat(signature.kind(0)).isEqualTo(ViewKind.FULL);
        assertThat(signature.hash(0)).isEqualTo(A);
    }

    @Test
    void aCropWindowThatNearlyRepeatsAViewIsLeftOut() {
        PdqHash nearA = PdqHash.fromWords(A.word(0) ^ 0b111, A.word(1), A.word(2), A.word(3));
        PdqHash fartherFromA = PdqHash.fromWords(A.word(0) ^ 0b1111111, A.word(1), A.word(2), A.word(3));

        ImageSignature signature = new ImageSignature.Builder().add(ViewKind.FULL, A)
                .add(ViewKind.CROP_WINDOW, nearA).add(ViewKind.CROP_WINDOW, fartherFromA)
                .add(ViewKind.TOP_BAND, nearA).build();

        assertThat(signature.size()).isEqualTo(3);
        assertThat(signature.kind(1)).isEqualTo(ViewKind.CROP_WINDOW);
        assertThat(signature.hash(1)).isEqualTo(fartherFromA);
        assertThat(signature.kind(2)).isEqualTo(ViewKind.TOP_BAND);
    }

    @Test
    void bytesThatAreNoSignatureAreRefused() {
        assertThatThrownBy(() -> ImageSignature.fromBytes(new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 33");
        byte[] unknownKind = new byte[33];
        unknownKind[0] = 99;
        assertThatThrownBy(() -> ImageSignature.fromBytes(unknownKind))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown view kind 99");
    }
}
