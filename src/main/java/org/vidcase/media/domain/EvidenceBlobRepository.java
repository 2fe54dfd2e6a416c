package org.vidcase.media.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EvidenceBlobRepository implements PanacheRepositoryBase<EvidenceBlob, String> {

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO evidence_blob (sha256, object_key, size_bytes, stored_bytes, created_at, verified_at)
            VALUES (?1, ?2, ?3, ?4, now(), now()) ON CONFLICT (sha256) DO NOTHING""";

    /**
     * Records a stored object unless the content is already recorded (two uploads of the same new
     * content at once): returns whether this object is the one on record.
     */
    public boolean insertIfAbsent(String sha256, String objectKey, long size, long storedSize) {
        return getEntityManager().createNativeQuery(INSERT_IF_ABSENT)
                .setParameter(1, sha256).setParameter(2, objectKey).setParameter(3, size).setParameter(4, storedSize)
                .executeUpdate() == 1;
    }
}
