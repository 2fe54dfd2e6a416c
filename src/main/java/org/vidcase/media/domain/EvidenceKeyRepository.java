package org.vidcase.media.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * {@code evidence_key}: an object's data key wrapped under the key of each case that holds its
 * content. Plain SQL: the rows are written and read by key only.
 */
@ApplicationScoped
public class EvidenceKeyRepository {

    private final EntityManager em;

    public EvidenceKeyRepository(EntityManager em) {
        this.em = em;
    }

    /** The case's wrapping of the content's data key, if it has one. */
    public Optional<String> of(String sha256, UUID caseId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery(
                        "SELECT wrapped_key FROM evidence_key WHERE blob_sha256 = ?1 AND case_id = ?2")
                .setParameter(1, sha256).setParameter(2, caseId).getResultList();
        return found.stream().findFirst();
    }

    /** Every wrapping of the content's data key (one per case holding it), oldest first. */
    public List<String> all(String sha256) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery(
                        "SELECT wrapped_key FROM evidence_key WHERE blob_sha256 = ?1 ORDER BY created_at")
                .setParameter(1, sha256).getResultList();
        return found;
    }

    /** Records the case's wrapping unless it has one; returns whether this one was recorded. */
    public boolean insertIfAbsent(String sha256, UUID caseId, String wrappedKey) {
        return em.createNativeQuery("""
                        INSERT INTO evidence_key (blob_sha256, case_id, wrapped_key) VALUES (?1, ?2, ?3)
                        ON CONFLICT (blob_sha256, case_id) DO NOTHING""")
                .setParameter(1, sha256).setParameter(2, caseId).setParameter(3, wrappedKey).executeUpdate() == 1;
    }
}
