package org.vidcase.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceCipherTest {

    private static final int S = 4096;
    private static final int HEADER = 16;
    private static final int TAG = 16;
    private static final int SEALED = S + TAG;

    private final EvidenceCipher cipher = new EvidenceCipher(S);
    private final SecretKey dataKey = dataKey(1);

    @ParameterizedTest
    @ValueSource(ints = {0, 1, S - 1, S, S + 1, 2 * S, 3 * S + 1000, 5 * S - 1})
    void roundTripsAroundSegmentBoundaries(int size) throws IOException {
        byte[] plaintext = randomBytes(size, size);

        byte[] ciphertext = encrypt(plaintext);

        assertThat(ciphertext).hasSize((int) cipher.ciphertextLength(size));
        assertThat(decrypt(ciphertext)).isEqualTo(plaintext);
    }

    @Test
    void roundTripsRandomSizes() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 40; i++) {
            byte[] plaintext = randomBytes(random.nextInt(10 * S), i);

            assertThat(decrypt(encrypt(plaintext))).isEqualTo(plaintext);
        }
    }

    @Test
    void ciphertextLengthIsExactForEverySizeUpToTwoSegments() throws IOException {
        byte[] plaintext = randomBytes(2 * S + 20, 3);
        for (int size = 0; size <= plaintext.length; size++) {
            long actual = drain(cipher.encrypting(new ByteArrayInputStream(plaintext, 0, size), dataKey));

            assertThat(actual).as("ciphertext length for %d bytes", size).isEqualTo(cipher.ciphertextLength(size));
        }
    }

    @Test
    void ciphertextLengthCoversObjectsBeyondTwoGibibytes() {
        EvidenceCipher defaults = new EvidenceCipher();
        long mib = 1 << 20;

        assertThat(defaults.ciphertextLength(0)).isEqualTo(HEADER + TAG);
        assertThat(defaults.ciphertextLength(2048 * mib + 1)).isEqualTo(HEADER + 2048 * mib + 1 + 2049 * TAG);
        assertThat(defaults.ciphertextLength(5120 * mib)).isEqualTo(HEADER + 5120 * mib + 5120 * TAG);
        assertThatThrownBy(() -> defaults.ciphertextLength(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyPlaintextIsOneFinalEmptySegment() throws IOException {
        byte[] ciphertext = encrypt(new byte[0]);

        assertThat(ciphertext).hasSize(HEADER + TAG);
        assertThat(decrypt(ciphertext)).isEmpty();
    }

    @Test
    void headerCarriesMagicVersionSegmentSizeAndAFreshNoncePrefix() throws IOException {
        byte[] first = encrypt(new byte[10]);
        byte[] second = encrypt(new byte[10]);

        ByteBuffer header = ByteBuffer.wrap(first);
        assertThat(Arrays.copyOf(first, 4)).isEqualTo("VIDC".getBytes(StandardCharsets.US_ASCII));
        assertThat(header.get(4)).isEqualTo((byte) 1);
        assertThat(header.getInt(5)).isEqualTo(S);
        assertThat(Arrays.copyOfRange(first, 9, HEADER)).isNotEqualTo(Arrays.copyOfRange(second, 9, HEADER));
    }

    @Test
    void servesSingleBytesAndOddChunks() throws IOException {
        byte[] plaintext = randomBytes(3 * S + 5, 4);

        InputStream encrypting = cipher.encrypting(new ByteArrayInputStream(plaintext), dataKey);
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        for (int b = encrypting.read(); b >= 0; b = encrypting.read()) {
            ciphertext.write(b);
        }
        InputStream decrypting = cipher.decrypting(new ByteArrayInputStream(ciphertext.toByteArray()), dataKey);
        ByteArrayOutputStream decrypted = new ByteArrayOutputStream();
        byte[] chunk = new byte[1000];
        for (int n = decrypting.read(chunk, 1, 999); n >= 0; n = decrypting.read(chunk, 1, 999)) {
            decrypted.write(chunk, 1, n);
        }

        assertThat(decrypted.toByteArray()).isEqualTo(plaintext);
    }

    @Test
    void readsThePlaintextOnceAndClosesItWithTheStream() throws IOException {
        SyntheticPlaintext plaintext = new SyntheticPlaintext(3L * S, 5);
        InputStream encrypting = cipher.encrypting(plaintext, dataKey);

        assertThat(plaintext.served()).as("nothing read before the first read").isZero();
        drain(encrypting);
        encrypting.close();

        assertThat(plaintext.served()).isEqualTo(3L * S);
        assertThat(plaintext.isClosed()).isTrue();
    }

    /**
     * Encrypts and decrypts 64 MiB with the default segment size in one pipeline and checks how
     * far the source runs ahead of the decrypted output: never more than two segments, whatever
     * the object size. The whole suite also passes with -Xmx32m.
     */
    @Test
    void sixtyFourMebibytesPassThroughWithinTwoSegments() throws Exception {
        EvidenceCipher defaults = new EvidenceCipher();
        long size = 64L << 20;
        SyntheticPlaintext source = new SyntheticPlaintext(size, 6);
        MessageDigest sent = MessageDigest.getInstance("SHA-256");
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        InputStream digestingSource = new DigestInputStream(source, sent);

        long delivered = 0;
        long maxLag = 0;
        try (InputStream decrypting = defaults.decrypting(defaults.encrypting(digestingSource, dataKey), dataKey)) {
            byte[] chunk = new byte[64 * 1024];
            for (int n = decrypting.read(chunk); n >= 0; n = decrypting.read(chunk)) {
                received.update(chunk, 0, n);
                delivered += n;
                maxLag = Math.max(maxLag, source.served() - delivered);
            }
        }

        assertThat(delivered).isEqualTo(size);
        assertThat(received.digest()).isEqualTo(sent.digest());
        assertThat(maxLag).isLessThanOrEqualTo(2L * EvidenceCipher.DEFAULT_SEGMENT_SIZE + 1);
    }

    @Test
    void everyModifiedByteIsDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S + 1000, 8));
        int[] positions = IntStream.concat(
                        IntStream.range(0, HEADER + 1),
                        IntStream.iterate(HEADER + 1, p -> p < ciphertext.length, p -> p + 61))
                .toArray();

        for (int position : positions) {
            byte[] modified = ciphertext.clone();
            modified[position] ^= 0x01;

            assertThatThrownBy(() -> decrypt(modified))
                    .as("flipped bit at %d", position)
                    .isInstanceOf(EvidenceIntegrityException.class);
        }
        byte[] lastTagByte = ciphertext.clone();
        lastTagByte[lastTagByte.length - 1] ^= (byte) 0x80;
        assertThatThrownBy(() -> decrypt(lastTagByte)).isInstanceOf(EvidenceIntegrityException.class);
    }

    @Test
    void wrongDataKeyIsDetectedAtTheFirstSegment() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(100, 9));

        assertThatThrownBy(() -> decrypt(ciphertext, dataKey(2)))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("segment 0 failed authentication")
                .hasMessageContaining("wrong data key");
    }

    @Test
    void reorderedSegmentsAreDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S + 1000, 10));

        byte[] swapped = concat(header(ciphertext), segment(ciphertext, 0), segment(ciphertext, 2),
                segment(ciphertext, 1), segment(ciphertext, 3));

        assertThatThrownBy(() -> decrypt(swapped))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("segment 1 failed authentication");
    }

    @Test
    void duplicatedSegmentIsDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S + 1000, 11));

        byte[] duplicated = concat(header(ciphertext), segment(ciphertext, 0), segment(ciphertext, 1),
                segment(ciphertext, 1), segment(ciphertext, 2), segment(ciphertext, 3));

        assertThatThrownBy(() -> decrypt(duplicated))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("segment 2 failed authentication");
    }

    @Test
    void droppedMiddleSegmentIsDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S + 1000, 12));

        byte[] dropped = concat(header(ciphertext), segment(ciphertext, 0), segment(ciphertext, 2),
                segment(ciphertext, 3));

        assertThatThrownBy(() -> decrypt(dropped))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("segment 1 failed authentication");
    }

    @Test
    void segmentFromAnotherStreamUnderTheSameKeyIsDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S + 1000, 19));
        byte[] other = encrypt(randomBytes(3 * S + 1000, 19));

        byte[] spliced = concat(header(ciphertext), segment(ciphertext, 0), segment(other, 1),
                segment(ciphertext, 2), segment(ciphertext, 3));

        assertThatThrownBy(() -> decrypt(spliced))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("segment 1 failed authentication");
    }

    @Test
    void streamCutAtASegmentBoundaryIsReportedAsTruncated() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S, 13));

        byte[] withoutFinalSegment = Arrays.copyOf(ciphertext, HEADER + 2 * SEALED);

        assertThatThrownBy(() -> decrypt(withoutFinalSegment))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessage("Truncated evidence stream: it ends after segment 1, which is not the final segment");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 5, HEADER, HEADER + TAG - 1, HEADER + SEALED + 100})
    void streamCutAnywhereElseIsDetected(int keptBytes) throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S, 14));

        byte[] truncated = Arrays.copyOf(ciphertext, keptBytes);

        assertThatThrownBy(() -> decrypt(truncated)).isInstanceOf(EvidenceIntegrityException.class);
    }

    @Test
    void headerWithoutSegmentsIsReportedAsTruncated() throws IOException {
        byte[] headerOnly = Arrays.copyOf(encrypt(new byte[0]), HEADER);

        assertThatThrownBy(() -> decrypt(headerOnly))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("Truncated evidence stream: segment 0 has 0 bytes");
    }

    @Test
    void dataAfterAFullFinalSegmentIsReportedAsTrailing() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S, 15));

        byte[] extended = concat(ciphertext, new byte[] {0});

        assertThatThrownBy(() -> decrypt(extended))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessage("Trailing data after the final segment 2 of the evidence stream");
    }

    @Test
    void dataAfterAShortFinalSegmentIsDetected() throws IOException {
        byte[] ciphertext = encrypt(randomBytes(3 * S + 1000, 16));

        byte[] extended = concat(ciphertext, segment(ciphertext, 1));

        assertThatThrownBy(() -> decrypt(extended))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("segment 3 failed authentication");
    }

    /** A reader that swallows the failure and reads on must not get the genuine rest of the stream. */
    @Test
    void releasesOnlyVerifiedSegmentsAndKeepsFailingAfterwards() throws IOException {
        byte[] plaintext = randomBytes(3 * S + 1000, 17);
        byte[] ciphertext = encrypt(plaintext);
        byte[] forged = concat(header(ciphertext), segment(ciphertext, 0), segment(ciphertext, 1),
                randomBytes(SEALED, 20), segment(ciphertext, 2), segment(ciphertext, 3));
        InputStream decrypting = cipher.decrypting(new ByteArrayInputStream(forged), dataKey);

        ByteArrayOutputStream released = new ByteArrayOutputStream();
        byte[] chunk = new byte[1000];
        assertThatThrownBy(() -> {
            for (int n = decrypting.read(chunk); n >= 0; n = decrypting.read(chunk)) {
                released.write(chunk, 0, n);
            }
        }).isInstanceOf(EvidenceIntegrityException.class).hasMessageContaining("segment 2");

        assertThat(released.toByteArray()).isEqualTo(Arrays.copyOf(plaintext, 2 * S));
        assertThatThrownBy(decrypting::read).isInstanceOf(EvidenceIntegrityException.class);
    }

    @Test
    void foreignDataIsRejectedByItsHeader() {
        byte[] foreign = "PK\u0003\u0004 certainly not an evidence stream".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> decrypt(foreign))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("does not start with VIDC");
    }

    @Test
    void unknownFormatVersionIsRejected() throws IOException {
        byte[] ciphertext = encrypt(new byte[10]);
        ciphertext[4] = 2;

        assertThatThrownBy(() -> decrypt(ciphertext))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("Unsupported evidence stream format version 2");
    }

    @Test
    void implausibleSegmentSizeIsRejectedBeforeAllocating() throws IOException {
        byte[] ciphertext = encrypt(new byte[10]);
        ByteBuffer.wrap(ciphertext).putInt(5, Integer.MAX_VALUE);

        assertThatThrownBy(() -> decrypt(ciphertext))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("segment size 2147483647");
    }

    /** Only the header as AAD catches this: the one short segment still parses under the new size. */
    @Test
    void changedSegmentSizeIsDetectedEvenWhereSegmentsStillParse() throws IOException {
        byte[] ciphertext = encrypt(new byte[10]);
        ByteBuffer.wrap(ciphertext).putInt(5, 2 * S);

        assertThatThrownBy(() -> decrypt(ciphertext))
                .isInstanceOf(EvidenceIntegrityException.class)
                .hasMessageContaining("segment 0 failed authentication");
    }

    @Test
    void decryptsWithTheSegmentSizeOfTheStreamNotOfTheInstance() throws IOException {
        byte[] plaintext = randomBytes(3 * S + 1, 18);

        byte[] ciphertext = encrypt(plaintext);

        assertThat(new EvidenceCipher().decrypting(new ByteArrayInputStream(ciphertext), dataKey).readAllBytes())
                .isEqualTo(plaintext);
    }

    @Test
    void refusesSegmentSizesOutOfRangeAndKeysOtherThanAes256() {
        assertThatThrownBy(() -> new EvidenceCipher(EvidenceCipher.MIN_SEGMENT_SIZE - 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EvidenceCipher(EvidenceCipher.MAX_SEGMENT_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
        SecretKey aes128 = new SecretKeySpec(new byte[16], "AES");
        assertThatThrownBy(() -> cipher.encrypting(InputStream.nullInputStream(), aes128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Data key must be a 256-bit AES key");
        assertThatThrownBy(() -> cipher.decrypting(InputStream.nullInputStream(), aes128))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private byte[] encrypt(byte[] plaintext) throws IOException {
        return cipher.encrypting(new ByteArrayInputStream(plaintext), dataKey).readAllBytes();
    }

    private byte[] decrypt(byte[] ciphertext) throws IOException {
        return decrypt(ciphertext, dataKey);
    }

    private byte[] decrypt(byte[] ciphertext, SecretKey key) throws IOException {
        return cipher.decrypting(new ByteArrayInputStream(ciphertext), key).readAllBytes();
    }

    private static long drain(InputStream in) throws IOException {
        return in.transferTo(OutputStream.nullOutputStream());
    }

    private static byte[] header(byte[] ciphertext) {
        return Arrays.copyOf(ciphertext, HEADER);
    }

    private static byte[] segment(byte[] ciphertext, int index) {
        int start = HEADER + index * SEALED;
        return Arrays.copyOfRange(ciphertext, start, Math.min(start + SEALED, ciphertext.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static SecretKey dataKey(long seed) {
        return new SecretKeySpec(randomBytes(32, seed), "AES");
    }
}
