package org.vidcase.exchange.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.api.PackageView;
import org.vidcase.exchange.api.RefusalRequest;
import org.vidcase.exchange.domain.ExchangePackage;
import org.vidcase.exchange.domain.PackageState;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.PackageSigner;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * Four eyes: a supervisor who did not compose a package approves it, which signs it with the node's
 * current key, or refuses it. Nothing leaves the node before that.
 */
@ApplicationScoped
public class PackageReview {

    private final ExchangeSettings settings;
    private final PackageRecords records;
    private final CurrentUser user;

    public PackageReview(ExchangeSettings settings, PackageRecords records, CurrentUser user) {
        this.settings = settings;
        this.records = records;
        this.user = user;
    }

    @Audited(AuditAction.EXCHANGE_APPROVE)
    public PackageView approve(@AuditObject UUID id) {
        settings.requireNode("Package approval");
        ExchangePackage p = decidable(id);
        HashPackage payload = records.payload(p);
        var key = settings.signingKeys().current();
        p.jws = PackageSigner.sign(payload, key, settings.limits());
        p.keyId = key.getKeyID();
        p.state = PackageState.APPROVED;
        p.decidedBy = user.name();
        p.decidedAt = Instant.now();
        AuditDetails.record("disclosure approved (four eyes: composed by " + p.composedBy + ") for "
                + settings.hubUrlIfSet().orElse("a file") + ": " + p.entryCount + " entries, " + p.feedbackCount
                + " feedback items, " + p.revocationCount + " revocations; payload sha256 " + p.payloadSha256
                + ", signed with key " + p.keyId);
        return records.view(p);
    }

    @Audited(AuditAction.EXCHANGE_REFUSE)
    public PackageView refuse(@AuditObject UUID id, @Valid @NotNull RefusalRequest request) {
        settings.requireNode("Package refusal");
        ExchangePackage p = decidable(id);
        p.state = PackageState.REFUSED;
        p.decidedBy = user.name();
        p.decidedAt = Instant.now();
        p.refusalReason = request.reason().strip();
        AuditDetails.record("disclosure refused (composed by " + p.composedBy + "): " + p.refusalReason);
        return records.view(p);
    }

    private ExchangePackage decidable(UUID id) {
        ExchangePackage p = records.locked(id);
        if (p.state != PackageState.COMPOSED) {
            throw new ConflictException("Package " + id + " was already " + p.state.name().toLowerCase(java.util.Locale.ROOT)
                    + " by " + p.decidedBy);
        }
        if (p.composedBy.equals(user.name())) {
            throw new RuleViolationException("Four eyes: you composed package " + id
                    + "; another supervisor must approve or refuse it");
        }
        return p;
    }
}
