package org.vidcase.exchange.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.vidcase.exchange.api.DisclosureView;
import org.vidcase.exchange.api.PackageView;
import org.vidcase.exchange.domain.DisclosureChannel;
import org.vidcase.exchange.domain.ExchangePackage;
import org.vidcase.exchange.domain.ExchangePackageRepository;
import org.vidcase.exchange.format.HashKey;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.PackageJson;
import org.vidcase.exchange.format.PackageRejectedException;
import org.vidcase.shared.error.IntegrityViolationException;
import org.vidcase.shared.error.ResourceNotFoundException;

/** The node's package rows: the hashes each carries, every disclosure, and their views. */
@ApplicationScoped
public class PackageRecords {

    private final EntityManager em;
    private final ExchangePackageRepository packages;
    private final ObjectMapper json;

    public PackageRecords(EntityManager em, ExchangePackageRepository packages, ObjectMapper json) {
        this.em = em;
        this.packages = packages;
        this.json = json;
    }

    public ExchangePackage find(UUID id) {
        return packages.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Package", id));
    }

    public ExchangePackage locked(UUID id) {
        return packages.locked(id).orElseThrow(() -> new ResourceNotFoundException("Package", id));
    }

    /** The payload as stored, after checking that it is still the one composed (its SHA-256). */
    public HashPackage payload(ExchangePackage p) {
        if (!org.vidcase.exchange.format.PackageVerifier.sha256(p.payload).equals(p.payloadSha256)) {
            throw new IntegrityViolationException("Package " + p.id + " no longer matches the SHA-256 recorded when it "
                    + "was composed; it must not leave the node");
        }
        try {
            return PackageJson.read(p.payload);
        } catch (PackageRejectedException e) {
            throw new IntegrityViolationException("Package " + p.id + " cannot be read back: " + e.getMessage());
        }
    }

    public void hash(UUID packageId, String role, HashKey key, String category) {
        em.createNativeQuery("""
                        INSERT INTO exchange_package_hash (package_id, role, md5, sha1, sha256, category)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, packageId).setParameter(2, role).setParameter(3, key.md5()).setParameter(4, key.sha1())
                .setParameter(5, key.sha256()).setParameter(6, category).executeUpdate();
    }

    public void disclosure(UUID packageId, DisclosureChannel channel, String recipient, String outcome, String by) {
        em.createNativeQuery("""
                        INSERT INTO exchange_disclosure (id, package_id, channel, recipient, outcome, disclosed_by, disclosed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, packageId).setParameter(3, channel.name())
                .setParameter(4, recipient).setParameter(5, outcome == null ? null : fit(outcome, 2000))
                .setParameter(6, by).setParameter(7, Timestamp.from(Instant.now())).executeUpdate();
    }

    public PackageView view(ExchangePackage p) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT channel, recipient, outcome, disclosed_by, disclosed_at FROM exchange_disclosure
                        WHERE package_id = ?1 ORDER BY disclosed_at, id""").setParameter(1, p.id).getResultList();
        List<DisclosureView> disclosures = rows.stream().map(r -> new DisclosureView(DisclosureChannel.valueOf((String) r[0]),
                (String) r[1], (String) r[2], (String) r[3], Instants.of(r[4]))).toList();
        return new PackageView(p.id, p.kind, p.state, p.country, p.entryCount, p.feedbackCount, p.revocationCount,
                leftOut(p.leftOut), p.payloadSha256, p.composedBy, p.composedAt, p.decidedBy, p.decidedAt,
                p.refusalReason, p.keyId, p.sentBy, p.sentAt, tree(p.hubAnswer), disclosures);
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> leftOut(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text);
        }
    }


    static String fit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
