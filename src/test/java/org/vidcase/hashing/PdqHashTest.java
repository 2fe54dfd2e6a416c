package org.vidcase.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PdqHashTest {

    private static final String BRIDGE = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";
    private static final String BRIDGE_ROTATED = "30a50efdf1cc3f429013d68d0ffffc52e34e0e15ada952a9d29684210aa9e5af";

    @Test
    void hexRoundTrips() {
        assertThat(PdqHash.fromHex(BRIDGE).toHex()).isEqualTo(BRIDGE);
        assertThat(PdqHash.fromHex(BRIDGE.toUpperCase()).toHex()).isEqualTo(BRIDGE);
        assertThat(PdqHash.fromHex(BRIDGE).toString()).isEqualTo(BRIDGE);
    }

    @Test
    void bytesRoundTripAndFollowHexOrder() {
        PdqHash hash = PdqHash.fromHex(BRIDGE);
        byte[] bytes = hash.toBytes();

        assertThat(bytes).hasSize(32);
        assertThat(bytes[0]).isEqualTo((byte) 0xd8);
        assertThat(bytes[31]).isEqualTo((byte) 0x22);
        assertThat(PdqHash.fromBytes(bytes)).isEqualTo(hash);
    }

    @Test
    void wordsFollowHexOrder() {
        PdqHash hash = PdqHash.fromHex(BRIDGE);

        assertThat(Long.toHexString(hash.word(0))).isEqualTo("d8f8f0cee0f4a84f");
        assertThat(PdqHash.fromWords(hash.word(0), hash.word(1), hash.word(2), hash.word(3))).isEqualTo(hash);
    }

    @Test
    void bitZeroIsTheLowestBitOfTheLastHexDigit() {
        boolean[] bits = new boolean[256];
        bits[0] = true;
        bits[255] = true;
        PdqHash hash = PdqHash.fromBits(bits);

        assertThat(hash.toHex()).isEqualTo("8" + "0".repeat(62) + "1");
        assertThat(hash.bit(0)).isTrue();
        assertThat(hash.bit(1)).isFalse();
        assertThat(hash.bit(255)).isTrue();
        assertThat(hash.bitCount()).isEqualTo(2);
    }

    @Test
    void hammingDistanceCountsDifferingBits() {
        PdqHash a = PdqHash.fromHex(BRIDGE);
        PdqHash b = PdqHash.fromHex(BRIDGE_ROTATED);
        int expected = new BigInteger(BRIDGE, 16).xor(new BigInteger(BRIDGE_ROTATED, 16)).bitCount();

        assertThat(a.hammingDistance(b)).isEqualTo(expected).isEqualTo(b.hammingDistance(a));
        assertThat(a.hammingDistance(a)).isZero();
        assertThat(PdqHash.zero().hammingDistance(a)).isEqualTo(a.bitCount());
    }

    @Test
    void equalityIsByValue() {
        assertThat(PdqHash.fromHex(BRIDGE)).isEqualTo(PdqHash.fromHex(BRIDGE))
                .hasSameHashCodeAs(PdqHash.fromHex(BRIDGE))
                .isNotEqualTo(PdqHash.fromHex(BRIDGE_ROTATED));
    }

    @Test
    void rejectsMalformedHex() {
        assertThatThrownBy(() -> PdqHash.fromHex(BRIDGE.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdqHash.fromHex("g" + BRIDGE.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdqHash.fromHex("+" + BRIDGE.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdqHash.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PdqHash.fromBytes(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }
}
