package org.vidcase.exchange.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.api.PackageView;
import org.vidcase.exchange.api.RevocationRequest;
import org.vidcase.exchange.domain.ExchangePackage;
import org.vidcase.exchange.domain.PackageKind;
import org.vidcase.exchange.domain.PackageState;
import org.vidcase.exchange.format.HashKey;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.Revocation;
import org.vidcase.shared.error.RuleViolationException;

/**
 * Composes a revocation: whole packages this node sent, or entries of them by their hashes, with a
 * reason code. It then goes through the same approval, signature and sending as any package.
 */
@ApplicationScoped
public class RevocationComposer {

    private final ExchangeSettings settings;
    private final PackageComposer composer;
    private final PackageRecords records;
    private final EntityManager em;

    public RevocationComposer(ExchangeSettings settings, PackageComposer composer, PackageRecords records,
                              EntityManager em) {
        this.settings = settings;
        this.composer = composer;
        this.records = records;
        this.em = em;
    }

    @Audited(AuditAction.EXCHANGE_REVOKE)
    public PackageView compose(@Valid @NotNull RevocationRequest request) {
        settings.requireNode("Revocation");
        String country = settings.country();
        settings.signingKeys();
        List<Revocation> revocations = new ArrayList<>();
        for (UUID id : request.packageIds() == null ? List.<UUID>of() : new LinkedHashSet<>(request.packageIds())) {
            ExchangePackage sent = em.find(ExchangePackage.class, id);
            if (sent == null || sent.state != PackageState.SENT || sent.kind != PackageKind.SUBMISSION) {
                throw new RuleViolationException("Package " + id + " is not a submission this node sent: only those can "
                        + "be revoked");
            }
            revocations.add(Revocation.ofPackage(id, request.reason()));
        }
        for (RevocationRequest.Entry e : request.entries() == null ? List.<RevocationRequest.Entry>of() : request.entries()) {
            HashKey key = new HashKey(lower(e.md5()), lower(e.sha1()), lower(e.sha256()));
            if (key.strongest() == null) {
                throw new RuleViolationException("An entry to revoke is named by at least one of md5, sha1, sha256");
            }
            if (!sentByThisNode(key)) {
                throw new RuleViolationException("No package this node sent carries the entry " + key.strongest()
                        + ": only entries this node submitted can be revoked");
            }
            revocations.add(Revocation.ofEntry(key, request.reason()));
        }
        if (revocations.isEmpty()) {
            throw new RuleViolationException("Name the packages (packageIds) or entries (entries) to revoke");
        }
        HashPackage payload = new HashPackage(UUID.randomUUID(), country, LocalDate.now(ZoneOffset.UTC), List.of(),
                List.of(), revocations, List.of());
        ExchangePackage p = composer.store(payload, PackageKind.REVOCATION, records.toJson(request), Map.of());
        for (Revocation r : revocations) {
            if (!r.wholePackage()) {
                records.hash(p.id, "REVOKED", r.key(), null);
            }
        }
        AuditDetails.record("revocation composed for " + settings.hubUrlIfSet().orElse("a file") + ": "
                + revocations.size() + " revocations (" + request.reason() + "); awaiting a supervisor's approval");
        return records.view(p);
    }

    private boolean sentByThisNode(HashKey key) {
        return !em.createNativeQuery("""
                        SELECT 1 FROM exchange_package_hash h JOIN exchange_package p ON p.id = h.package_id
                        WHERE p.state = 'SENT' AND h.role = 'ENTRY'
                          AND (h.sha256 = ?1 OR h.sha1 = ?2 OR h.md5 = ?3) LIMIT 1""")
                .setParameter(1, key.sha256()).setParameter(2, key.sha1()).setParameter(3, key.md5())
                .getResultList().isEmpty();
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(Locale.ROOT);
    }
}
