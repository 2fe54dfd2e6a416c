package org.vidcase.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditEntry;
import org.vidcase.audit.service.AuditTrail;
import org.vidcase.hashing.PdqHasher;
import org.vidcase.hashing.PdqResult;
import org.vidcase.hashset.domain.ImportState;
import org.vidcase.hashset.domain.ReferenceHashSet;
import org.vidcase.hashset.domain.ReferenceHashSetRepository;
import org.vidcase.hashset.importer.ReferenceEntry;
import org.vidcase.hashset.infra.HashEntryWriter.NumberedEntry;
import org.vidcase.hashset.infra.HashEntryWriter;
import org.vidcase.matching.EntryIds;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;
import org.vidcase.matching.KnownHashIndex;

/**
 * Two small, active reference sets for the demo, made from the demo's own synthetic scenes: a
 * national alert list (the PDQ hash of scene 1, the MD5 of scene 2's original) and a known-good
 * list (the SHA-256 of the wallpaper). Seeded before the demo files, so those are matched as they
 * are filed and the demo exhibits have a meaningful reduction report.
 */
@ApplicationScoped
public class DemoHashSets {

    private final ReferenceHashSetRepository sets;
    private final AgroalDataSource dataSource;
    private final KnownHashIndex index;
    private final AuditTrail trail;

    public DemoHashSets(ReferenceHashSetRepository sets, AgroalDataSource dataSource, KnownHashIndex index,
                        AuditTrail trail) {
        this.sets = sets;
        this.dataSource = dataSource;
        this.index = index;
        this.trail = trail;
    }

    void seed(String actor, byte[] scene1Png, PdqResult scene1Pdq, byte[] scene2Png, byte[] wallpaperPng) {
        int[] indexIds = QuarkusTransaction.requiringNew().call(() -> {
            ReferenceHashSet alert = set(actor, "Demo national alert list", HashSetSource.NATIONAL, HashSetKind.ALERT, 2);
            ReferenceHashSet good = set(actor, "Demo known-good files", HashSetSource.NSRL, HashSetKind.IGNORABLE, 1);
            try (Connection c = dataSource.getConnection()) {
                HashEntryWriter.write(c, alert.id, List.of(
                        new NumberedEntry(EntryIds.of(alert.indexId, 0), new ReferenceEntry(null, null, null,
                                scene1Pdq.hash().toHex(), scene1Pdq.quality(), null, "1", "Lighthouse", false, false,
                                true, null)),
                        new NumberedEntry(EntryIds.of(alert.indexId, 1), new ReferenceEntry(digest("MD5", scene2Png),
                                null, null, null, null, null, "2", null, null, null, null, null))));
                HashEntryWriter.write(c, good.id, List.of(new NumberedEntry(EntryIds.of(good.indexId, 0),
                        new ReferenceEntry(null, null, digest("SHA-256", wallpaperPng), null, null, null, null, null,
                                null, null, null, null))));
            }
            trail.append(AuditEntry.of(actor, AuditAction.DEMO_SEED, alert.id.toString(), null, AuditOutcome.SUCCESS,
                    null, null, "demo hash sets: " + alert.name + " (2 entries), " + good.name + " (1 entry), active"));
            return new int[] {alert.indexId, good.indexId};
        });
        index.loadSet(indexIds[0]);
        index.loadSet(indexIds[1]);
    }

    private ReferenceHashSet set(String actor, String name, HashSetSource source, HashSetKind kind, long entries) {
        ReferenceHashSet s = new ReferenceHashSet();
        s.id = UUID.randomUUID();
        s.name = name;
        s.source = source;
        s.setVersion = "demo";
        s.kind = kind;
        s.categoryScheme = "vics";
        s.description = "Synthetic demo set made from the demo's own generated images";
        s.active = true;
        s.entryCount = entries;
        s.importState = ImportState.IMPORTED;
        s.importedAt = Instant.now();
        s.createdBy = actor;
        s.createdAt = s.importedAt;
        s.updatedBy = actor;
        s.updatedAt = s.importedAt;
        sets.persist(s);
        sets.flush();
        return s;
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PdqResult pdq(java.awt.image.BufferedImage image) {
        return new PdqHasher().hash(image);
    }
}
