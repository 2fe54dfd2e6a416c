package org.vidcase.search.service;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.hashing.DecodeResult;
import org.vidcase.hashing.Dihedral;
import org.vidcase.hashing.DihedralHashes;
import org.vidcase.hashing.ImageDecoder;
import org.vidcase.hashing.PdqHash;
import org.vidcase.hashing.PdqHasher;
import org.vidcase.matching.KnownHashIndex;
import org.vidcase.matching.KnownMatch;
import org.vidcase.matching.MatchQuery;
import org.vidcase.matching.MatchType;
import org.vidcase.search.api.SimilarResult;
import org.vidcase.search.infra.MediaSearchIndex;
import org.vidcase.search.infra.SimilarHit;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.error.ServiceUnavailableException;

/**
 * Find similar: the media items nearest to a probe that the caller may see (the case filter is
 * inside the Elasticsearch query), and the nearest entries of the active reference hash sets. The
 * probe is a media item, a PDQ hex hash, or an uploaded picture that is hashed and not stored. Each
 * of the probe's 8 rotations and reflections is searched when they are known.
 */
@ApplicationScoped
public class FindSimilarService {

    public static final int MAX_RADIUS = 64;
    public static final int MAX_K = 500;

    private final MediaSearchIndex index;
    private final KnownHashIndex known;
    private final CaseAccess access;
    private final AgroalDataSource dataSource;
    private final ImageDecoder decoder = new ImageDecoder();

    public FindSimilarService(MediaSearchIndex index, KnownHashIndex known, CaseAccess access,
                              AgroalDataSource dataSource) {
        this.index = index;
        this.known = known;
        this.access = access;
        this.dataSource = dataSource;
    }

    /** What to search with, and its hashes by rotation or reflection. */
    private record Probe(SimilarResult.Probe description, Map<Dihedral, PdqHash> hashes, UUID exclude, String audit) {
    }

    @Audited(AuditAction.SEARCH_SIMILAR)
    public SimilarResult fromItem(@AuditCase UUID caseId, UUID mediaItemId, Options options) {
        access.readable(caseId);
        options.check();
        Probe probe = itemProbe(caseId, mediaItemId);
        return search(probe, options);
    }

    @Audited(AuditAction.SEARCH_SIMILAR)
    public SimilarResult fromHex(String hex, Options options) {
        options.check();
        PdqHash hash;
        try {
            hash = PdqHash.fromHex(hex == null ? "" : hex.strip());
        } catch (IllegalArgumentException e) {
            int length = hex == null ? 0 : hex.strip().length();
            throw new IllegalArgumentException("pdq: a PDQ hash is 64 hexadecimal digits, "
                    + (length == PdqHash.HEX_LENGTH ? "and this one has other characters" : "not " + length));
        }
        Map<Dihedral, PdqHash> hashes = new EnumMap<>(Dihedral.class);
        hashes.put(Dihedral.ORIGINAL, hash);
        return search(new Probe(new SimilarResult.Probe("PDQ", hash.toHex(), null, null), hashes, null,
                "probe pdq " + hash.toHex()), options);
    }

    @Audited(AuditAction.SEARCH_SIMILAR)
    public SimilarResult fromImage(InputStream image, Options options) {
        options.check();
        DecodeResult decoded = decoder.decode(image);
        if (!(decoded instanceof DecodeResult.Decoded picture)) {
            throw new RuleViolationException("The probe is not a picture that can be decoded: "
                    + ((DecodeResult.Failed) decoded).reason());
        }
        DihedralHashes dihedrals = new PdqHasher().hashWithDihedrals(picture.image());
        Map<Dihedral, PdqHash> hashes = new EnumMap<>(Dihedral.class);
        for (Dihedral d : Dihedral.values()) {
            hashes.put(d, dihedrals.get(d));
        }
        PdqHash original = dihedrals.get(Dihedral.ORIGINAL);
        return search(new Probe(new SimilarResult.Probe("IMAGE", original.toHex(), dihedrals.quality(), null), hashes,
                null, "probe picture " + picture.width() + "x" + picture.height() + " " + picture.mimeType() + ", pdq "
                        + original.toHex() + " (not stored)"), options);
    }

    /**
     * @param radius   Hamming distance, 0..64 (31: the PDQ authors' "same picture")
     * @param k        at most this many items and entries, 1..500
     * @param caseId   only this case (which the caller must be able to see), else every case they may see
     * @param hashSets whether to search the active reference hash sets too
     */
    public record Options(int radius, int k, UUID caseId, boolean hashSets) {
        void check() {
            if (radius < 0 || radius > MAX_RADIUS) {
                throw new IllegalArgumentException("radius: must be within 0.." + MAX_RADIUS + ", not " + radius);
            }
            if (k < 1 || k > MAX_K) {
                throw new IllegalArgumentException("k: must be within 1.." + MAX_K + ", not " + k);
            }
        }
    }

    private Probe itemProbe(UUID caseId, UUID mediaItemId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT pdq, pdq_quality, pdq_variants FROM media_item WHERE id = ? AND case_id = ?")) {
            s.setObject(1, mediaItemId);
            s.setObject(2, caseId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new ResourceNotFoundException("Media item", mediaItemId);
                }
                String pdq = r.getString(1);
                if (pdq == null) {
                    throw new RuleViolationException("Media item " + mediaItemId + " has no PDQ hash (it is not a "
                            + "picture that could be decoded), so nothing is similar to it");
                }
                Map<Dihedral, PdqHash> hashes = new EnumMap<>(Dihedral.class);
                hashes.put(Dihedral.ORIGINAL, PdqHash.fromHex(pdq));
                byte[] variants = r.getBytes(3);
                Dihedral[] all = Dihedral.values();
                if (variants != null && variants.length == (all.length - 1) * PdqHash.BYTES) {
                    for (int i = 1; i < all.length; i++) {
                        byte[] one = new byte[PdqHash.BYTES];
                        System.arraycopy(variants, (i - 1) * PdqHash.BYTES, one, 0, PdqHash.BYTES);
                        hashes.put(all[i], PdqHash.fromBytes(one));
                    }
                }
                Integer quality = r.getObject(2) == null ? null : r.getInt(2);
                return new Probe(new SimilarResult.Probe("MEDIA_ITEM", pdq, quality, mediaItemId), hashes, mediaItemId,
                        "probe media item " + mediaItemId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SimilarResult search(Probe probe, Options options) {
        List<UUID> cases = visibleCases(options.caseId());
        List<SimilarResult.Item> items = cases.isEmpty() ? List.of() : items(probe, options, cases);
        List<SimilarResult.Entry> entries = options.hashSets() ? entries(probe, options) : List.of();
        AuditDetails.record(probe.audit() + ": " + items.size() + " items of " + cases.size() + " cases, "
                + entries.size() + " reference entries within " + options.radius());
        return new SimilarResult(probe.description(), options.radius(), options.k(), probe.hashes().size() > 1, items,
                entries);
    }

    /** The cases the caller may see (a supervisor: those of their unit too), or the one asked for. */
    private List<UUID> visibleCases(UUID only) {
        if (only != null) {
            access.readable(only);
            return List.of(only);
        }
        return access.readableCaseIds();
    }

    private List<SimilarResult.Item> items(Probe probe, Options options, List<UUID> cases) {
        Map<UUID, SimilarResult.Item> best = new HashMap<>();
        try {
            index.ensureExists();
            for (Map.Entry<Dihedral, PdqHash> turn : probe.hashes().entrySet()) {
                // One more than asked for, in case the probe item itself is among them.
                for (SimilarHit hit : index.nearest(turn.getValue().toBytes(), options.radius(), options.k() + 1, cases)) {
                    keepNearest(best, hit, turn.getKey(), probe);
                }
            }
            if (probe.hashes().size() == 1) {
                // A probe of one hash cannot be turned, so the items' own stored turns are searched instead:
                // a stored turn T matching means the probe is T of the item, so the item is T's inverse of the probe.
                byte[] hash = probe.hashes().get(Dihedral.ORIGINAL).toBytes();
                for (SimilarHit hit : index.nearestTurned(hash, options.radius(), options.k() + 1, cases)) {
                    keepNearest(best, hit, hit.storedTurn() == null ? Dihedral.ORIGINAL
                            : Dihedral.valueOf(hit.storedTurn()).inverse(), probe);
                }
            }
        } catch (IOException | ElasticsearchException e) {
            throw new ServiceUnavailableException("The search index is unreachable, so similar items cannot be found "
                    + "now; try again shortly (uploads and other work go on meanwhile)");
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt(SimilarResult.Item::distance).thenComparing(i -> i.mediaItemId().toString()))
                .limit(options.k()).toList();
    }

    private static void keepNearest(Map<UUID, SimilarResult.Item> best, SimilarHit hit, Dihedral probeTurn, Probe probe) {
        if (hit.mediaItemId().equals(probe.exclude())) {
            return;
        }
        SimilarResult.Item current = best.get(hit.mediaItemId());
        if (current == null || hit.distance() < current.distance()) {
            best.put(hit.mediaItemId(), new SimilarResult.Item(hit.caseId(), hit.mediaItemId(), hit.distance(),
                    probeTurn.name(), hit.mediaType()));
        }
    }

    private List<SimilarResult.Entry> entries(Probe probe, Options options) {
        Dihedral[] all = Dihedral.values();
        byte[] variants = null;
        if (probe.hashes().size() == all.length) {
            variants = new byte[(all.length - 1) * PdqHash.BYTES];
            for (int i = 1; i < all.length; i++) {
                System.arraycopy(probe.hashes().get(all[i]).toBytes(), 0, variants, (i - 1) * PdqHash.BYTES, PdqHash.BYTES);
            }
        }
        MatchQuery query = new MatchQuery(null, null, null, null, probe.hashes().get(Dihedral.ORIGINAL).toHex(), null, variants);
        List<KnownMatch> matches = known.indexes().match(query, options.radius(), set -> true).stream()
                .filter(m -> m.type() == MatchType.PDQ)
                .sorted(Comparator.comparingInt(KnownMatch::distance).thenComparingLong(KnownMatch::entryId))
                .limit(options.k()).toList();
        if (matches.isEmpty()) {
            return List.of();
        }
        Map<Long, KnownMatch> byEntry = new LinkedHashMap<>();
        matches.forEach(m -> byEntry.putIfAbsent(m.entryId(), m));
        List<SimilarResult.Entry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT e.id, s.id, s.name, s.kind, e.category, e.series
                       FROM hash_set_entry e JOIN hash_set s ON s.id = e.hash_set_id
                      WHERE e.id = ANY(?)""")) {
            s.setArray(1, c.createArrayOf("bigint", byEntry.keySet().toArray()));
            Map<Long, SimilarResult.Entry> found = new HashMap<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    KnownMatch m = byEntry.get(r.getLong(1));
                    found.put(r.getLong(1), new SimilarResult.Entry(r.getObject(2, UUID.class), r.getString(3),
                            r.getString(4), r.getLong(1), m.distance(), m.dihedral() == null ? "ORIGINAL" : m.dihedral(),
                            r.getString(5), r.getString(6)));
                }
            }
            for (Long id : byEntry.keySet()) {
                if (found.containsKey(id)) {
                    out.add(found.get(id));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
