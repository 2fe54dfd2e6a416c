package org.vidcase.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A public signing key of a node, by key id (unique across the hub). Retired keys stay and verify
 * the packages they signed; a revoked key verifies nothing any more.
 */
@Entity
@Table(name = "hub_node_key")
public class HubNodeKey {

    @Id
    @Column(name = "key_id")
    public String keyId;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    /** The public JWK as JSON. */
    @Column(nullable = false)
    public String jwk;

    /** RFC 7638 thumbprint (SHA-256, base64url), for comparing keys out of band. */
    @Column(nullable = false)
    public String thumbprint;

    @Column(name = "added_by", nullable = false)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoke_reason")
    public String revokeReason;
}
