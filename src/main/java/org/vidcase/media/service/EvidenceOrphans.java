package org.vidcase.media.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.jboss.logging.Logger;
import org.vidcase.media.infra.EvidenceStore;

/**
 * Stored objects that no evidence row refers to: queued in the transaction that finds them
 * unneeded, removed from the bucket by a sweep every {@code vidcase.evidence.orphan-sweep-every},
 * never on a request's path. An object a row refers to by the time of the sweep is kept. Several
 * replicas sweep safely ({@code SKIP LOCKED}); an object the bucket cannot remove now stays queued.
 */
@ApplicationScoped
public class EvidenceOrphans {

    private static final Logger LOG = Logger.getLogger(EvidenceOrphans.class);
    private static final int BATCH = 200;
    /** A stored object is in use while a blob, a video's key frame, or an import job (its source file) names it. */
    private static final String REFERENCED = """
            SELECT (SELECT count(*) FROM evidence_blob WHERE object_key = ?1)
                 + (SELECT count(*) FROM video_key_frame WHERE object_key = ?1)
                 + (SELECT count(*) FROM job WHERE type IN ('media-import', 'hash-set-import')
                       AND (?1 LIKE 'imports/%' OR ?1 LIKE 'hash-set-imports/%')
                       AND parameters IS NOT NULL AND parameters::jsonb ->> 'objectKey' = ?1)""";

    private final EntityManager em;
    private final EvidenceStore store;

    public EvidenceOrphans(EntityManager em, EvidenceStore store) {
        this.em = em;
        this.store = store;
    }

    /**
     * Objects whose fate could not be settled because the database was unreachable (a request failed
     * around its commit while the database went away): queued by the next sweep that reaches it.
     */
    private final java.util.Queue<String> unsettled = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * The object may or may not be referenced by a commit whose outcome is unknown; the sweep decides
     * once the database answers again (a referenced object is kept).
     */
    public void checkLater(String objectKey) {
        unsettled.add(objectKey);
    }

    /** The import source files jobs name (the import's or the hash-set import's file). */
    public java.util.Set<String> importFilesInUse() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> keys = em.createNativeQuery("""
                    SELECT parameters::jsonb ->> 'objectKey' FROM job
                     WHERE type IN ('media-import', 'hash-set-import') AND parameters IS NOT NULL""").getResultList();
            return new java.util.HashSet<>(keys);
        });
    }

    /** Queues the object for removal, in the caller's transaction. */
    public void queue(String objectKey) {
        em.createNativeQuery("INSERT INTO evidence_orphan (object_key) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, objectKey).executeUpdate();
    }

    @Scheduled(every = "${vidcase.evidence.orphan-sweep-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("Sweeping unreferenced evidence objects failed, will retry: %s", e.getMessage());
        }
    }

    /** Removes one batch of queued objects; returns how many it removed. */
    public int sweep() {
        settleUnsettled();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> keys = em.createNativeQuery("""
                            SELECT o.object_key FROM evidence_orphan o ORDER BY o.queued_at LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, BATCH).getResultList();
            int removed = 0;
            for (String key : keys) {
                boolean referenced = ((Number) em.createNativeQuery(REFERENCED).setParameter(1, key).getSingleResult())
                        .longValue() > 0;
                if (!referenced) {
                    if (!store.delete(key)) {
                        continue;
                    }
                    removed++;
                }
                em.createNativeQuery("DELETE FROM evidence_orphan WHERE object_key = ?1").setParameter(1, key).executeUpdate();
            }
            return removed;
        });
    }

    private void settleUnsettled() {
        String key;
        while ((key = unsettled.peek()) != null) {
            String next = key;
            try {
                QuarkusTransaction.requiringNew().run(() -> queue(next));
            } catch (RuntimeException stillDown) {
                return;
            }
            unsettled.poll();
        }
    }
}
