package org.vidcase.matching;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.vidcase.hashing.Dihedral;
import org.vidcase.hashing.PdqHash;
import org.vidcase.index.DigestEntries;
import org.vidcase.index.DigestType;
import org.vidcase.index.ExactHashIndex;
import org.vidcase.index.PdqEntries;
import org.vidcase.index.PdqMatch;
import org.vidcase.index.PdqRadiusIndex;

/**
 * The reference entries of every imported hash set, in memory: exact indexes for MD5, SHA-1,
 * SHA-256 and PhotoDNA (by the SHA-256 of its 144 bytes) and the PDQ radius index. Thread-safe;
 * queries never wait for loads, which add whole batches atomically. Entries of an inactive set stay
 * indexed but hidden until the set is activated again.
 */
public final class ReferenceIndexes {

    private static final Dihedral[] VARIANTS = Dihedral.values();

    private final ExactHashIndex md5;
    private final ExactHashIndex sha1;
    private final ExactHashIndex sha256;
    private final ExactHashIndex photoDna;
    private final PdqRadiusIndex pdq;
    private final int minPdqQuality;

    private ReferenceIndexes(Batch initial, int minPdqQuality) {
        this.minPdqQuality = minPdqQuality;
        md5 = ExactHashIndex.builder(DigestType.MD5).entries(initial.md5).build();
        sha1 = ExactHashIndex.builder(DigestType.SHA1).entries(initial.sha1).build();
        sha256 = ExactHashIndex.builder(DigestType.SHA256).entries(initial.sha256).build();
        photoDna = ExactHashIndex.builder(DigestType.SHA256).entries(initial.photoDna).build();
        pdq = PdqRadiusIndex.builder().entries(initial.pdq).build();
    }

    /** Builds the indexes from a first (bulk) batch; entries with PDQ quality below the minimum are not near-matched. */
    public static ReferenceIndexes build(Batch initial, int minPdqQuality) {
        return new ReferenceIndexes(initial, minPdqQuality);
    }

    public static Batch batch(int expectedSize) {
        return new Batch(expectedSize);
    }

    /** Adds a batch (a newly imported set) without rebuilding what is indexed. */
    public void add(Batch batch) {
        md5.add(batch.md5);
        sha1.add(batch.sha1);
        sha256.add(batch.sha256);
        photoDna.add(batch.photoDna);
        pdq.add(batch.pdq);
    }

    public void deactivateSet(int setIndexId) {
        md5.deactivateSet(setIndexId);
        sha1.deactivateSet(setIndexId);
        sha256.deactivateSet(setIndexId);
        photoDna.deactivateSet(setIndexId);
        pdq.deactivateSet(setIndexId);
    }

    public void activateSet(int setIndexId) {
        md5.activateSet(setIndexId);
        sha1.activateSet(setIndexId);
        sha256.activateSet(setIndexId);
        photoDna.activateSet(setIndexId);
        pdq.activateSet(setIndexId);
    }

    /** Drops single entries for good (withdrawn from a set kept entry by entry); returns how many were indexed. */
    public int removeEntries(long[] entryIds) {
        if (entryIds.length == 0) {
            return 0;
        }
        int removed = md5.removeEntries(entryIds);
        removed = Math.max(removed, sha1.removeEntries(entryIds));
        removed = Math.max(removed, sha256.removeEntries(entryIds));
        removed = Math.max(removed, photoDna.removeEntries(entryIds));
        return Math.max(removed, pdq.removeEntries(entryIds));
    }

    /** Drops a set's entries for good (a failed or withdrawn import). */
    public void removeSet(int setIndexId) {
        md5.removeSet(setIndexId);
        sha1.removeSet(setIndexId);
        sha256.removeSet(setIndexId);
        photoDna.removeSet(setIndexId);
        pdq.removeSet(setIndexId);
    }

    /**
     * Every visible entry the item matches: exactly by digest or PhotoDNA, and within {@code radius}
     * by PDQ, trying all eight dihedral variants when the item has them (nearest variant kept per
     * entry). Items whose PDQ quality is below the minimum are not near-matched.
     */
    public List<KnownMatch> match(MatchQuery q, int radius, IntPredicate setFilter) {
        List<KnownMatch> out = new ArrayList<>();
        exact(md5, q.md5(), MatchType.MD5, setFilter, out);
        exact(sha1, q.sha1(), MatchType.SHA1, setFilter, out);
        exact(sha256, q.sha256(), MatchType.SHA256, setFilter, out);
        if (q.photoDna() != null) {
            for (long id : photoDna.lookup(photoDnaKey(q.photoDna()))) {
                add(out, id, MatchType.PHOTODNA, 0, null, setFilter);
            }
        }
        if (q.pdq() != null && (q.pdqQuality() == null || q.pdqQuality() >= minPdqQuality)) {
            Map<Long, KnownMatch> nearest = new HashMap<>();
            near(PdqHash.fromHex(q.pdq()), VARIANTS[0], radius, setFilter, nearest);
            byte[] variants = q.pdqVariants();
            if (variants != null) {
                for (int v = 1; v < VARIANTS.length && v * PdqHash.BYTES <= variants.length; v++) {
                    byte[] one = java.util.Arrays.copyOfRange(variants, (v - 1) * PdqHash.BYTES, v * PdqHash.BYTES);
                    near(PdqHash.fromBytes(one), VARIANTS[v], radius, setFilter, nearest);
                }
            }
            out.addAll(nearest.values());
        }
        return out;
    }

    private void near(PdqHash hash, Dihedral variant, int radius, IntPredicate setFilter, Map<Long, KnownMatch> nearest) {
        for (PdqMatch m : pdq.search(hash.word(0), hash.word(1), hash.word(2), hash.word(3), radius)) {
            if (!setFilter.test(m.setId())) {
                continue;
            }
            KnownMatch known = nearest.get(m.entryId());
            if (known == null || m.distance() < known.distance()) {
                nearest.put(m.entryId(), new KnownMatch(m.entryId(), m.setId(), MatchType.PDQ, m.distance(), variant.name()));
            }
        }
    }

    private static void exact(ExactHashIndex index, String hex, MatchType type, IntPredicate setFilter,
                              List<KnownMatch> out) {
        if (hex != null) {
            for (long id : index.lookup(hex)) {
                add(out, id, type, 0, null, setFilter);
            }
        }
    }

    private static void add(List<KnownMatch> out, long entryId, MatchType type, int distance, String dihedral,
                            IntPredicate setFilter) {
        int set = EntryIds.setOf(entryId);
        if (setFilter.test(set)) {
            out.add(new KnownMatch(entryId, set, type, distance, dihedral));
        }
    }

    /** PhotoDNA hashes are compared exactly through their SHA-256. */
    public static byte[] photoDnaKey(byte[] photoDna) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(photoDna);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entries to index, by hash; one entry may appear under several hashes. */
    public static final class Batch {
        final DigestEntries md5;
        final DigestEntries sha1;
        final DigestEntries sha256;
        final DigestEntries photoDna;
        final PdqEntries pdq;
        private int entries;

        Batch(int expectedSize) {
            md5 = new DigestEntries(DigestType.MD5, expectedSize);
            sha1 = new DigestEntries(DigestType.SHA1, expectedSize);
            sha256 = new DigestEntries(DigestType.SHA256, 16);
            photoDna = new DigestEntries(DigestType.SHA256, 16);
            pdq = new PdqEntries(16);
        }

        /**
         * @param photoDnaKey the SHA-256 of the entry's PhotoDNA ({@link #photoDnaKey}), or null
         * @param minQuality  the PDQ hash is left out when its known quality is below this
         */
        public Batch add(long entryId, String md5Hex, String sha1Hex, String sha256Hex, String pdqHex,
                         Integer pdqQuality, byte[] photoDnaKey, int minQuality) {
            int set = EntryIds.setOf(entryId);
            if (md5Hex != null) {
                md5.add(entryId, set, md5Hex);
            }
            if (sha1Hex != null) {
                sha1.add(entryId, set, sha1Hex);
            }
            if (sha256Hex != null) {
                sha256.add(entryId, set, sha256Hex);
            }
            if (photoDnaKey != null) {
                photoDna.add(entryId, set, photoDnaKey);
            }
            if (pdqHex != null && (pdqQuality == null || pdqQuality >= minQuality)) {
                PdqHash h = PdqHash.fromHex(pdqHex);
                pdq.add(entryId, set, h.word(0), h.word(1), h.word(2), h.word(3));
            }
            entries++;
            return this;
        }

        public int size() {
            return entries;
        }
    }
}
