package org.vidcase.clustering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.vidcase.hashing.ImageSignature;
import org.vidcase.hashing.ViewKind;
import org.vidcase.index.PdqMatch;
import org.vidcase.index.PdqRadiusIndex;

/**
 * Groups pictures that show the same thing: single-link over "some view of one is within the
 * radius of some stored view of the other" (see {@link ViewKind}). Stored views go into one
 * {@link PdqRadiusIndex} per shelf; every picture's views are looked up where they can meet their
 * counterparts, in parallel.
 *
 * <p>Plain Java with no server: the clustering job and {@code ./vidcase cluster} run this same
 * code.
 */
public final class SimilarityClusterer {

    /** The PDQ authors' threshold for "the same picture". */
    public static final int DEFAULT_RADIUS = 31;
    /** Entry ids pack the picture's index and the view's index. */
    private static final int VIEW_BITS = 6;
    private static final int MAX_VIEWS = 1 << VIEW_BITS;

    private final int radius;
    private final int threads;

    public SimilarityClusterer(int radius, int threads) {
        if (radius < 0 || radius > 64) {
            throw new IllegalArgumentException("radius must be within 0..64: " + radius);
        }
        this.radius = radius;
        this.threads = Math.max(1, threads);
    }

    public static SimilarityClusterer withDefaults() {
        return new SimilarityClusterer(DEFAULT_RADIUS, Runtime.getRuntime().availableProcessors());
    }

    public int radius() {
        return radius;
    }

    public Clustering cluster(List<ImageSignature> pictures) {
        return cluster(pictures, done -> { });
    }

    /**
     * @param progress told the number of pictures looked up so far, now and then
     */
    public Clustering cluster(List<ImageSignature> pictures, IntConsumer progress) {
        List<SimilarLink> links = links(pictures, progress);
        UnionFind sets = new UnionFind(pictures.size());
        for (SimilarLink link : links) {
            sets.union(link.first(), link.second());
        }
        return Clustering.of(sets, pictures.size(), links);
    }

    /** Every linked pair, once, with its closest views. */
    public List<SimilarLink> links(List<ImageSignature> pictures, IntConsumer progress) {
        return links(pictures, i -> true, progress);
    }

    /**
     * Groups incrementally: only the pictures {@code probe} accepts are looked up (all are stored),
     * so the result links each new picture to whatever it resembles, old or new, without finding
     * the old pictures' links again.
     */
    public Clustering clusterNew(List<ImageSignature> pictures, java.util.function.IntPredicate probe) {
        List<SimilarLink> links = links(pictures, probe, done -> { });
        UnionFind sets = new UnionFind(pictures.size());
        for (SimilarLink link : links) {
            sets.union(link.first(), link.second());
        }
        return Clustering.of(sets, pictures.size(), links);
    }

    /** The links found by looking up the pictures {@code probe} accepts. */
    public List<SimilarLink> links(List<ImageSignature> pictures, java.util.function.IntPredicate probe,
                                   IntConsumer progress) {
        Map<ViewKind.Shelf, PdqRadiusIndex> shelves = new java.util.EnumMap<>(ViewKind.Shelf.class);
        for (ViewKind.Shelf shelf : ViewKind.Shelf.values()) {
            shelves.put(shelf, index(pictures, shelf));
        }
        int n = pictures.size();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        int chunk = 256;
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "similarity-links");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<SimilarLink>>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    List<SimilarLink> found = new ArrayList<>();
                    Map<Integer, SimilarLink> best = new HashMap<>();
                    for (int start = next.getAndAdd(chunk); start < n; start = next.getAndAdd(chunk)) {
                        int end = Math.min(n, start + chunk);
                        for (int i = start; i < end; i++) {
                            if (!probe.test(i)) {
                                continue;
                            }
                            best.clear();
                            for (Map.Entry<ViewKind.Shelf, PdqRadiusIndex> shelf : shelves.entrySet()) {
                                probe(shelf.getValue(), shelf.getKey(), pictures, i, best);
                            }
                            found.addAll(best.values());
                        }
                        progress.accept(done.addAndGet(end - start));
                    }
                    return found;
                }));
            }
            Map<Long, SimilarLink> unique = new HashMap<>();
            for (Future<List<SimilarLink>> part : workers) {
                for (SimilarLink link : part.get()) {
                    long key = ((long) link.first() << 32) | link.second();
                    unique.merge(key, link, (a, b) -> a.distance() <= b.distance() ? a : b);
                }
            }
            List<SimilarLink> out = new ArrayList<>(unique.values());
            out.sort((a, b) -> a.first() != b.first() ? Integer.compare(a.first(), b.first())
                    : Integer.compare(a.second(), b.second()));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while clustering", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("clustering failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private PdqRadiusIndex index(List<ImageSignature> pictures, ViewKind.Shelf shelf) {
        int total = 0;
        for (ImageSignature signature : pictures) {
            if (signature.size() > MAX_VIEWS) {
                throw new IllegalArgumentException("a signature holds at most " + MAX_VIEWS + " views");
            }
            for (int v = 0; v < signature.size(); v++) {
                total += signature.kind(v).shelf() == shelf ? 1 : 0;
            }
        }
        PdqRadiusIndex.Builder builder = PdqRadiusIndex.builder().expectedSize(Math.max(1, total)).defaultRadius(radius);
        for (int i = 0; i < pictures.size(); i++) {
            ImageSignature signature = pictures.get(i);
            for (int v = 0; v < signature.size(); v++) {
                if (signature.kind(v).shelf() == shelf) {
                    builder.add(((long) i << VIEW_BITS) | v, 0, signature.word(v, 0), signature.word(v, 1),
                            signature.word(v, 2), signature.word(v, 3));
                }
            }
        }
        return builder.build();
    }

    private static void probe(PdqRadiusIndex index, ViewKind.Shelf shelf, List<ImageSignature> pictures, int self,
                              Map<Integer, SimilarLink> best) {
        ImageSignature signature = pictures.get(self);
        long[] words = new long[4];
        for (int v = 0; v < signature.size(); v++) {
            ViewKind probe = signature.kind(v);
            if (!probe.probes(shelf)) {
                continue;
            }
            for (int w = 0; w < 4; w++) {
                words[w] = signature.word(v, w);
            }
            for (PdqMatch match : index.search(words)) {
                int other = (int) (match.entryId() >>> VIEW_BITS);
                if (other == self) {
                    continue;
                }
                SimilarLink current = best.get(other);
                if (current == null || match.distance() < current.distance()) {
                    ViewKind found = pictures.get(other).kind((int) (match.entryId() & (MAX_VIEWS - 1)));
                    best.put(other, new SimilarLink(Math.min(self, other), Math.max(self, other), match.distance(),
                            probe, found));
                }
            }
        }
    }
}
