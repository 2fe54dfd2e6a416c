package org.vidcase.hashing;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * The hashes that stand for one picture in similarity search: its whole-picture PDQ hash and, for
 * pictures whose pixels were seen, the hashes of the parts that edits leave alone (see
 * {@link ViewKind}). Items known only by a hash (imported from a forensic tool's export) have the
 * whole-picture view alone. Views too plain to hash reliably (PDQ quality below 50) are left out.
 *
 * <p>Stored as 33 bytes a view: the kind, then the 256-bit hash.
 */
public final class ImageSignature {

    private static final int VIEW_BYTES = 1 + PdqHash.BYTES;
    private static final ViewKind[] KINDS = ViewKind.values();

    private final long[] words;
    private final byte[] kinds;

    private ImageSignature(long[] words, byte[] kinds) {
        this.words = words;
        this.kinds = kinds;
    }

    /** A picture known by its whole-picture hash only. */
    public static ImageSignature ofHash(PdqHash full) {
        Builder builder = new Builder();
        builder.add(ViewKind.FULL, full);
        return builder.build();
    }

    public static ImageSignature empty() {
        return new ImageSignature(new long[0], new byte[0]);
    }

    public int size() {
        return kinds.length;
    }

    public ViewKind kind(int view) {
        return KINDS[kinds[view]];
    }

    public long word(int view, int word) {
        return words[view * 4 + word];
    }

    public PdqHash hash(int view) {
        return PdqHash.fromWords(words[view * 4], words[view * 4 + 1], words[view * 4 + 2], words[view * 4 + 3]);
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(kinds.length * VIEW_BYTES);
        for (int v = 0; v < kinds.length; v++) {
            out.put(kinds[v]);
            for (int w = 0; w < 4; w++) {
                out.putLong(words[v * 4 + w]);
            }
        }
        return out.array();
    }

    /** @throws IllegalArgumentException if the bytes are not a stored signature */
    public static ImageSignature fromBytes(byte[] bytes) {
        if (bytes.length % VIEW_BYTES != 0) {
            throw new IllegalArgumentException("a signature is a multiple of " + VIEW_BYTES + " bytes, not " + bytes.length);
        }
        int views = bytes.length / VIEW_BYTES;
        ByteBuffer in = ByteBuffer.wrap(bytes);
        long[] words = new long[views * 4];
        byte[] kinds = new byte[views];
        for (int v = 0; v < views; v++) {
            byte kind = in.get();
            if (kind < 0 || kind >= KINDS.length) {
                throw new IllegalArgumentException("unknown view kind " + kind);
            }
            kinds[v] = kind;
            for (int w = 0; w < 4; w++) {
                words[v * 4 + w] = in.getLong();
            }
        }
        return new ImageSignature(words, kinds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageSignature other && Arrays.equals(words, other.words) && Arrays.equals(kinds, other.kinds);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(words) + Arrays.hashCode(kinds);
    }

    @Override
    public String toString() {
        return "ImageSignature[" + kinds.length + " views]";
    }

    /** Collects views, leaving out one that nearly repeats a view already taken. */
    public static final class Builder {

        /** Two views of one picture this close add nothing to what the first finds. */
        private static final int REPEAT_DISTANCE = 6;

        private long[] words = new long[16];
        private byte[] kinds = new byte[4];
        private int size;

        public Builder add(ViewKind kind, PdqHash hash) {
            Objects.requireNonNull(kind, "kind");
            for (int v = 0; v < size; v++) {
                if (distance(v, hash) <= REPEAT_DISTANCE && (kind == ViewKind.CROP_WINDOW || KINDS[kinds[v]] == kind)) {
                    return this;
                }
            }
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                words = Arrays.copyOf(words, size * 8);
            }
            kinds[size] = (byte) kind.ordinal();
            for (int w = 0; w < 4; w++) {
                words[size * 4 + w] = hash.word(w);
            }
            size++;
            return this;
        }

        private int distance(int view, PdqHash hash) {
            int d = 0;
            for (int w = 0; w < 4; w++) {
                d += Long.bitCount(words[view * 4 + w] ^ hash.word(w));
            }
            return d;
        }

        public ImageSignature build() {
            return new ImageSignature(Arrays.copyOf(words, size * 4), Arrays.copyOf(kinds, size));
        }
    }
}
