package org.vidcase.media.service;

import java.util.List;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.vidcase.media.domain.EvidenceKeyRepository;
import org.vidcase.media.infra.EvidenceKeys;

/**
 * Re-wraps what was encrypted before case keys existed (V22): each blob's data key, wrapped under a
 * master key, gets a wrapping per case holding the content and loses its master wrapping; each
 * forensic-export import's source file key is re-wrapped under its case's key. Runs once at
 * start-up in the background, in batches, by one replica at a time, and does nothing once done.
 * Backups taken before it ran keep the master wrappings (docs/operations.md).
 */
@ApplicationScoped
public class LegacyEvidenceKeys {

    private static final Logger LOG = Logger.getLogger(LegacyEvidenceKeys.class);
    private static final int BATCH = 200;
    /** An advisory lock id of its own (the audit chain, rebuild and others use theirs). */
    private static final long LOCK = 0x5649_4443_4b45_5953L;

    private final EntityManager em;
    private final EvidenceKeys keys;
    private final EvidenceKeyRepository wrappings;
    private final ObjectMapper json;

    public LegacyEvidenceKeys(EntityManager em, EvidenceKeys keys, EvidenceKeyRepository wrappings, ObjectMapper json) {
        this.em = em;
        this.keys = keys;
        this.wrappings = wrappings;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        Thread worker = new Thread(() -> {
            try {
                long done = migrate();
                if (done > 0) {
                    LOG.infof("Re-wrapped %d evidence keys filed before case keys under their cases' keys", done);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Re-wrapping evidence keys under case keys stopped (tried again at the next start): %s",
                        e.getMessage());
            }
        }, "legacy-evidence-keys");
        worker.setDaemon(true);
        worker.start();
    }

    /** Re-wraps everything left; returns how many blobs and import files it re-wrapped. */
    public long migrate() {
        long total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::blobBatch);
            total += done;
        } while (done > 0);
        do {
            done = QuarkusTransaction.requiringNew().call(this::importBatch);
            total += done;
        } while (done > 0);
        return total;
    }

    private int blobBatch() {
        if (!locked()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT sha256, wrapped_key FROM evidence_blob b
                         WHERE wrapped_key IS NOT NULL
                           AND EXISTS (SELECT 1 FROM media_item m WHERE m.blob_sha256 = b.sha256)
                         ORDER BY sha256 LIMIT ?1 FOR UPDATE""")
                .setParameter(1, BATCH).getResultList();
        for (Object[] row : rows) {
            String sha256 = (String) row[0];
            SecretKey dataKey = keys.unwrap((String) row[1]);
            @SuppressWarnings("unchecked")
            List<UUID> cases = em.createNativeQuery("SELECT DISTINCT case_id FROM media_item WHERE blob_sha256 = ?1")
                    .setParameter(1, sha256).getResultList();
            for (UUID caseId : cases) {
                wrappings.insertIfAbsent(sha256, caseId, keys.wrapForCase(caseId, dataKey).storageForm());
            }
            em.createNativeQuery("UPDATE evidence_blob SET wrapped_key = NULL WHERE sha256 = ?1")
                    .setParameter(1, sha256).executeUpdate();
        }
        return rows.size();
    }

    private int importBatch() {
        if (!locked()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, case_id, parameters FROM job
                         WHERE type = 'media-import' AND case_id IS NOT NULL AND parameters IS NOT NULL
                           AND parameters::jsonb ->> 'wrappedKey' NOT LIKE 'c.%'
                         ORDER BY id LIMIT ?1 FOR UPDATE""")
                .setParameter(1, BATCH).getResultList();
        for (Object[] row : rows) {
            try {
                ObjectNode parameters = (ObjectNode) json.readTree((String) row[2]);
                SecretKey dataKey = keys.unwrap(parameters.get("wrappedKey").asText());
                parameters.put("wrappedKey", keys.wrapForCase((UUID) row[1], dataKey).storageForm());
                em.createNativeQuery("UPDATE job SET parameters = ?1 WHERE id = ?2")
                        .setParameter(1, json.writeValueAsString(parameters)).setParameter(2, row[0]).executeUpdate();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Import job " + row[0] + " has parameters that are not JSON", e);
            }
        }
        return rows.size();
    }

    private boolean locked() {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
    }
}
