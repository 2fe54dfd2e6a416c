package org.vidcase.hub.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.format.Countries;
import org.vidcase.exchange.format.PackageVerifier;
import org.vidcase.exchange.format.SigningKeys;
import org.vidcase.exchange.service.ExchangeSettings;
import org.vidcase.hub.api.KeyRequest;
import org.vidcase.hub.api.KeyRevocationRequest;
import org.vidcase.hub.api.KeyView;
import org.vidcase.hub.api.NodeRequest;
import org.vidcase.hub.api.NodeView;
import org.vidcase.hub.domain.HubNode;
import org.vidcase.hub.domain.HubNodeKey;
import org.vidcase.hub.domain.HubNodeKeyRepository;
import org.vidcase.hub.domain.HubNodeRepository;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * The hub's registry of nodes: each Keycloak client id with the one country it submits as and the
 * public keys it signs with. Managed by hub administrators; every change audited.
 */
@ApplicationScoped
public class NodeRegistry {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,200}");

    private final ExchangeSettings settings;
    private final HubNodeRepository nodes;
    private final HubNodeKeyRepository keys;
    private final CurrentUser user;

    public NodeRegistry(ExchangeSettings settings, HubNodeRepository nodes, HubNodeKeyRepository keys, CurrentUser user) {
        this.settings = settings;
        this.nodes = nodes;
        this.keys = keys;
        this.user = user;
    }

    @Audited(AuditAction.HUB_NODE_LIST)
    public List<NodeView> list() {
        settings.requireHub("The node registry");
        return nodes.all().stream().map(this::view).toList();
    }

    @Audited(AuditAction.HUB_NODE_SET)
    public NodeView put(@AuditObject String clientId, @Valid @NotNull NodeRequest request) {
        settings.requireHub("The node registry");
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            throw new IllegalArgumentException("clientId must be the node's Keycloak client id: 1 to 200 letters, "
                    + "digits or . _ : -");
        }
        if (!Countries.isCode(request.country())) {
            throw new RuleViolationException("country " + request.country() + " is not an ISO 3166-1 alpha-2 code");
        }
        HubNode node = nodes.findById(clientId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        boolean created = node == null;
        if (created) {
            node = new HubNode();
            node.clientId = clientId;
            node.createdBy = user.name();
            node.createdAt = now;
        } else if (!node.country.equals(request.country()) && !keys.ofNode(clientId).isEmpty()) {
            throw new ConflictException("Node " + clientId + " submits as " + node.country + " and has keys; a node's "
                    + "country does not change: register the new country's client as a node of its own");
        }
        node.country = request.country();
        node.description = request.description() == null ? null : request.description().strip();
        node.active = request.active() == null || request.active();
        node.updatedBy = user.name();
        node.updatedAt = now;
        if (created) {
            nodes.persist(node);
        }
        AuditDetails.record((created ? "node registered: " : "node changed: ") + clientId + " submits as " + node.country
                + (node.active ? "" : " (suspended)"));
        return view(node);
    }

    @Audited(AuditAction.HUB_KEY_ADD)
    public NodeView addKey(@AuditObject String clientId, @Valid @NotNull KeyRequest request) {
        settings.requireHub("The node registry");
        HubNode node = node(clientId);
        ECKey key = publicKey(request.jwk());
        if (keys.findByIdOptional(key.getKeyID()).isPresent()) {
            throw new ConflictException("Key id " + key.getKeyID() + " is registered already; key ids are unique across "
                    + "the hub");
        }
        HubNodeKey k = new HubNodeKey();
        k.keyId = key.getKeyID();
        k.clientId = node.clientId;
        k.jwk = key.toJSONString();
        k.thumbprint = thumbprint(key);
        k.addedBy = user.name();
        k.addedAt = Instant.now();
        keys.persist(k);
        AuditDetails.record("key " + k.keyId + " (thumbprint " + k.thumbprint + ") registered for " + clientId);
        return view(node);
    }

    @Audited(AuditAction.HUB_KEY_REVOKE)
    public NodeView revokeKey(@AuditObject String clientId, String keyId, @Valid @NotNull KeyRevocationRequest request) {
        settings.requireHub("The node registry");
        HubNode node = node(clientId);
        HubNodeKey k = keys.findByIdOptional(keyId).filter(found -> found.clientId.equals(clientId))
                .orElseThrow(() -> new ResourceNotFoundException("Key", keyId + " of node " + clientId));
        if (k.revokedAt != null) {
            throw new ConflictException("Key " + keyId + " was revoked on " + k.revokedAt);
        }
        k.revokedAt = Instant.now();
        k.revokedBy = user.name();
        k.revokeReason = request.reason().strip();
        AuditDetails.record("key " + keyId + " of " + clientId + " revoked: " + k.revokeReason);
        return view(node);
    }

    /** The active node a token's client is, if registered. */
    public Optional<HubNode> activeNode(String clientId) {
        return Optional.ofNullable(clientId == null ? null : nodes.findById(clientId)).filter(n -> n.active);
    }

    /** For a package from {@code clientId}: its keys only, so that a node can sign only as itself. */
    public PackageVerifier.KeyResolver keysOf(String clientId) {
        return keyId -> keys.findByIdOptional(keyId).filter(k -> k.clientId.equals(clientId))
                .map(NodeRegistry::registered).orElse(null);
    }

    /** For a package arriving as a file: any registered key, which names its node. */
    public Optional<HubNodeKey> key(String keyId) {
        return keys.findByIdOptional(keyId);
    }

    static PackageVerifier.RegisteredKey registered(HubNodeKey k) {
        try {
            return new PackageVerifier.RegisteredKey(JWK.parse(k.jwk), k.revokedAt);
        } catch (ParseException e) {
            throw new IllegalStateException("stored key " + k.keyId + " cannot be read", e);
        }
    }

    private HubNode node(String clientId) {
        return nodes.findByIdOptional(clientId).orElseThrow(() -> new ResourceNotFoundException("Node", clientId));
    }

    private static ECKey publicKey(Map<String, Object> json) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw new RuleViolationException("The key is not a JWK: " + e.getMessage());
        }
        if (jwk.isPrivate()) {
            throw new RuleViolationException("The JWK holds a private key: register only the public half (the node's "
                    + "GET /api/exchange/keys gives it)");
        }
        if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
            throw new RuleViolationException("Packages are signed with ES256: the key must be an EC P-256 key");
        }
        if (!SigningKeys.isKeyId(ec.getKeyID())) {
            throw new RuleViolationException("The key needs a kid of 1 to 64 letters, digits or . _ -");
        }
        return ec;
    }

    private static String thumbprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private NodeView view(HubNode n) {
        List<KeyView> views = keys.ofNode(n.clientId).stream().map(k -> {
            try {
                return new KeyView(k.keyId, k.thumbprint, JWK.parse(k.jwk).toJSONObject(), k.addedBy, k.addedAt,
                        k.revokedBy, k.revokedAt, k.revokeReason);
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        return new NodeView(n.clientId, n.country, n.description, n.active, views, n.createdBy, n.createdAt, n.updatedBy,
                n.updatedAt);
    }
}
