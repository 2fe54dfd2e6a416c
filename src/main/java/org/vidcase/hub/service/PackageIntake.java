package org.vidcase.hub.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.format.PackageRejectedException;
import org.vidcase.exchange.format.PackageVerifier;
import org.vidcase.exchange.service.ExchangeSettings;
import org.vidcase.hub.api.PackageReceipt;
import org.vidcase.hub.domain.HubNode;
import org.vidcase.hub.domain.HubNodeKey;
import org.vidcase.hub.trust.TrustRules;
import org.vidcase.shared.security.CurrentUser;
import org.vidcase.shared.security.Login;

/**
 * Accepts packages at the hub. Before anything is stored: the sender must be an active registered
 * node (over HTTP: the token's client; as a file: the node whose key signed it), the package must
 * verify with one of that node's keys that is not revoked, be well-formed and within the limits,
 * and be issued as that node's own country. Then, under the hub's merge lock, a package id already
 * accepted is a replay (answered with what was done then; nothing changes), and a new package is
 * merged in one transaction. A refusal stores nothing.
 */
@ApplicationScoped
public class PackageIntake {

    /** Serialises every change to the hub's entries, so that change numbers commit in order. */
    static final long MERGE_LOCK = 0x7669646361736511L;

    private final ExchangeSettings settings;
    private final NodeRegistry registry;
    private final SecurityIdentity identity;
    private final CurrentUser user;
    private final EntityManager em;
    private final ObjectMapper json;

    public PackageIntake(ExchangeSettings settings, NodeRegistry registry, SecurityIdentity identity, CurrentUser user,
                         EntityManager em, ObjectMapper json) {
        this.settings = settings;
        this.registry = registry;
        this.identity = identity;
        this.user = user;
        this.em = em;
        this.json = json;
    }

    /** A package sent by a node's service account over HTTP. */
    @Audited(AuditAction.HUB_PACKAGE_RECEIVE)
    public Received receive(String body) {
        settings.requireHub("Package intake");
        String client = Login.of(identity.getPrincipal()).map(Login::client).orElse(null);
        HubNode node = registry.activeNode(client).orElseThrow(() -> new PackageRefusedException(403, "Client "
                + client + " is not a registered, active node of this hub: ask the hub's administrators to register "
                + "it with its country and keys"));
        PackageVerifier.Verified verified = verify(body, registry.keysOf(node.clientId));
        return accept(verified, node, "HTTP");
    }

    /** A package that reached the hub by other means, uploaded by a hub administrator: its key names its node. */
    @Audited(AuditAction.HUB_PACKAGE_FILE)
    public Received receiveFile(String body) {
        settings.requireHub("Package intake");
        String[] signer = {null};
        PackageVerifier.Verified verified = verify(body, keyId -> {
            Optional<HubNodeKey> key = registry.key(keyId);
            key.ifPresent(k -> signer[0] = k.clientId);
            return key.map(NodeRegistry::registered).orElse(null);
        });
        HubNode node = registry.activeNode(signer[0]).orElseThrow(() -> new PackageRefusedException(403, "Node "
                + signer[0] + ", whose key signed the package, is suspended"));
        return accept(verified, node, "FILE");
    }

    /** The receipt, and whether the package was new. */
    public record Received(PackageReceipt receipt, boolean created) implements org.vidcase.audit.service.AuditSubject {
        @Override
        public String auditObjectId() {
            return receipt.auditObjectId();
        }

        @Override
        public UUID auditCaseId() {
            return null;
        }
    }

    private PackageVerifier.Verified verify(String body, PackageVerifier.KeyResolver keys) {
        try {
            return PackageVerifier.verify(body, keys, settings.limits(), LocalDate.now(ZoneOffset.UTC));
        } catch (PackageRejectedException e) {
            int status = switch (e.reason()) {
                case MALFORMED, NOT_CANONICAL, UNSIGNED, UNSUPPORTED_ALGORITHM -> 400;
                case OVERSIZE -> 413;
                case UNKNOWN_KEY, REVOKED_KEY, BAD_SIGNATURE, INVALID -> 422;
            };
            throw new PackageRefusedException(status, e.getMessage(), e.violations());
        }
    }

    private Received accept(PackageVerifier.Verified verified, HubNode node, String channel) {
        var p = verified.payload();
        if (!p.issuingCountry().equals(node.country)) {
            throw new PackageRefusedException(403, "Node " + node.clientId + " submits as " + node.country
                    + ", not as " + p.issuingCountry() + ": a node submits only as itself");
        }
        Instant now = Instant.now();
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, MERGE_LOCK);
                lock.execute();
            }
            Optional<Received> replay = replay(c, p.packageId(), verified.payloadSha256());
            if (replay.isPresent()) {
                AuditDetails.record("replay of package " + p.packageId() + " from " + node.country + " (" + channel
                        + "): accepted before, nothing changed");
                return replay.get();
            }
            EntryMerger.checkRevocations(c, p, node.country);
            insertPackage(c, verified, node, channel, now);
            EntryMerger.Outcome outcome = new EntryMerger(new TrustRules(settings.config().trustThreshold()))
                    .merge(c, p, node.country, now);
            PackageReceipt receipt = new PackageReceipt(p.packageId(), node.country, verified.keyId(), channel, now, false,
                    outcome.newEntries(), outcome.merged(), outcome.feedback(), outcome.feedbackUnknown(),
                    outcome.revoked(), outcome.alreadyWithdrawn(), outcome.counts());
            try (PreparedStatement s = c.prepareStatement("UPDATE hub_package SET summary = ? WHERE package_id = ?")) {
                s.setString(1, json.writeValueAsString(receipt));
                s.setObject(2, p.packageId());
                s.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            AuditDetails.record("package " + p.packageId() + " from " + node.country + " (" + node.clientId + ", key "
                    + verified.keyId() + ", " + channel + ", payload sha256 " + verified.payloadSha256() + "): "
                    + outcome.newEntries() + " new entries, " + outcome.merged() + " merged, " + outcome.feedback()
                    + " feedback, " + outcome.revoked() + " submissions revoked, " + outcome.counts()
                    + " identification counts");
            return new Received(receipt, true);
        });
    }

    private Optional<Received> replay(Connection c, UUID packageId, String sha256) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT payload_sha256, summary FROM hub_package WHERE package_id = ?")) {
            s.setObject(1, packageId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!rs.getString(1).equals(sha256)) {
                    throw new PackageRefusedException(409, "Package id " + packageId + " was accepted before with other "
                            + "content; a package id names one payload only");
                }
                try {
                    return Optional.of(new Received(json.readValue(rs.getString(2), PackageReceipt.class).asReplay(), false));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void insertPackage(Connection c, PackageVerifier.Verified v, HubNode node, String channel, Instant now)
            throws SQLException {
        var p = v.payload();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO hub_package (package_id, client_id, country, key_id, channel, payload_sha256, created,
                    received_by, received_at, entry_count, feedback_count, revocation_count, summary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')""")) {
            s.setObject(1, p.packageId());
            s.setString(2, node.clientId);
            s.setString(3, node.country);
            s.setString(4, v.keyId());
            s.setString(5, channel);
            s.setString(6, v.payloadSha256());
            s.setObject(7, p.created());
            s.setString(8, user.name());
            s.setTimestamp(9, Timestamp.from(now));
            s.setInt(10, p.entries().size());
            s.setInt(11, p.feedback().size());
            s.setInt(12, p.revocations().size());
            s.executeUpdate();
        }
    }
}
