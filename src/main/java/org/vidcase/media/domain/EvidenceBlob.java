package org.vidcase.media.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An encrypted object in evidence storage, one per distinct content. */
@Entity
@Table(name = "evidence_blob")
public class EvidenceBlob {

    @Id
    public String sha256;

    @Column(name = "object_key", nullable = false)
    public String objectKey;

    /**
     * Objects filed before case keys (V22) only, until the start-up migration re-wraps them: the
     * data key wrapped by a master key, "keyId:base64". Otherwise null: each case holding the content
     * has its own wrapping in {@code evidence_key}.
     */
    @Column(name = "wrapped_key")
    public String wrappedKey;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "stored_bytes", nullable = false)
    public long storedBytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;
}
