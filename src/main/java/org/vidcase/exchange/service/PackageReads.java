package org.vidcase.exchange.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.api.PackageView;
import org.vidcase.exchange.domain.ExchangePackage;
import org.vidcase.exchange.domain.ExchangePackageRepository;
import org.vidcase.exchange.domain.PackageState;

/** The node's packages for liaison officers, supervisors and auditors; every look is audited. */
@ApplicationScoped
public class PackageReads {

    private final ExchangeSettings settings;
    private final ExchangePackageRepository packages;
    private final PackageRecords records;

    public PackageReads(ExchangeSettings settings, ExchangePackageRepository packages, PackageRecords records) {
        this.settings = settings;
        this.packages = packages;
        this.records = records;
    }

    @Audited(AuditAction.EXCHANGE_LIST)
    public List<PackageView> list(PackageState state, int page, int size) {
        settings.requireNode("Packages");
        return packages.newestFirst(state, page, size).stream().map(records::view).toList();
    }

    @Audited(AuditAction.EXCHANGE_VIEW)
    public PackageView get(@AuditObject UUID id) {
        settings.requireNode("Packages");
        return records.view(records.find(id));
    }

    /** The payload exactly as it is (or will be) signed: what the approver reviews is what leaves. */
    @Audited(AuditAction.EXCHANGE_VIEW)
    public byte[] payload(@AuditObject UUID id) {
        settings.requireNode("Packages");
        ExchangePackage p = records.find(id);
        records.payload(p);
        AuditDetails.record("payload read: " + p.entryCount + " entries, sha256 " + p.payloadSha256);
        return p.payload;
    }

    /** The public halves of the node's signing keys, current and retired, to register at the hub. */
    @Audited(AuditAction.EXCHANGE_KEYS)
    public String publicKeys() {
        settings.requireNode("Signing keys");
        var keys = settings.signingKeys();
        AuditDetails.record("public signing keys read; current key " + keys.current().getKeyID());
        return keys.publicKeys().toString(true);
    }
}
