package org.vidcase.search.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaDocumentLoaderTest {

    @Test
    void aPdqHexBecomesThe32SignedBytesOfABitVector() {
        var bits = MediaDocumentLoader.bits("00ff7f80" + "0".repeat(56));
        assertThat(bits).hasSize(32);
        assertThat(bits.subList(0, 4)).containsExactly(0, -1, 127, -128);
    }
}
