package org.vidcase.hub.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A node registered at the hub: the Keycloak client its service account uses, and the one country it submits as. */
@Entity
@Table(name = "hub_node")
public class HubNode {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String country;

    public String description;

    /** A suspended node submits and pulls nothing. */
    @Column(nullable = false)
    public boolean active;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
