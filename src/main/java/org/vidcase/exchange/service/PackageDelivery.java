package org.vidcase.exchange.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.api.PackageView;
import org.vidcase.exchange.domain.DisclosureChannel;
import org.vidcase.exchange.domain.ExchangePackage;
import org.vidcase.exchange.domain.PackageKind;
import org.vidcase.exchange.domain.PackageState;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.IcseCsvWriter;
import org.vidcase.exchange.format.IcseRow;
import org.vidcase.exchange.infra.HubAnswer;
import org.vidcase.exchange.infra.HubClient;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * How an approved package leaves the node: to the hub over HTTP, or as a file (the signed JWS, or
 * the ICSE CSV layout) for another channel. Every time is a disclosure, recorded with its recipient
 * and audited, including a sending the hub refused.
 */
@ApplicationScoped
public class PackageDelivery {

    private final ExchangeSettings settings;
    private final PackageRecords records;
    private final HubClient hub;
    private final CurrentUser user;

    public PackageDelivery(ExchangeSettings settings, PackageRecords records, HubClient hub, CurrentUser user) {
        this.settings = settings;
        this.records = records;
        this.hub = hub;
        this.user = user;
    }

    /** A package is a file of its own once signed; a hub that has it already says so and changes nothing. */
    @Audited(AuditAction.EXCHANGE_SEND)
    public PackageView send(@AuditObject UUID id) {
        settings.requireNode("Package sending");
        // No row lock while the hub is called: two sendings at once are one package at the hub (a replay),
        // and a refused sending records its disclosure in a transaction of its own.
        ExchangePackage p = signed(records.find(id));
        String recipient = hub.packagesUrl();
        HubAnswer answer = hub.submit(p.jws);
        String outcome = answer.accepted() ? summary(answer) : "refused (HTTP " + answer.status() + "): " + answer.detail();
        if (!answer.accepted()) {
            // The bytes left the node even though the hub refused them: the disclosure is kept.
            String by = user.name();
            QuarkusTransaction.requiringNew().run(() -> records.disclosure(id, DisclosureChannel.HUB, recipient, outcome, by));
            throw new RuleViolationException("The hub at " + recipient + " refused package " + id + " (HTTP "
                    + answer.status() + "): " + answer.detail());
        }
        records.disclosure(p.id, DisclosureChannel.HUB, recipient, outcome, user.name());
        p.state = PackageState.SENT;
        p.sentBy = user.name();
        p.sentAt = Instant.now();
        p.hubAnswer = answer.body() == null ? null : answer.body().toString();
        AuditDetails.record("disclosure to the hub " + recipient + " as " + settings.country() + ": " + p.entryCount
                + " entries, " + p.feedbackCount + " feedback items, " + p.revocationCount + " revocations; hub: "
                + outcome);
        return records.view(p);
    }

    /** The signed package as a file, for a hub or partner reached by other means. */
    @Audited(AuditAction.EXCHANGE_FILE)
    public String file(@AuditObject UUID id, String recipient) {
        settings.requireNode("Package files");
        String to = recipient(recipient);
        ExchangePackage p = signed(records.find(id));
        records.disclosure(p.id, DisclosureChannel.FILE, to, "written as a signed file", user.name());
        AuditDetails.record("disclosure as a signed file to " + to + ": " + p.entryCount + " entries, "
                + p.feedbackCount + " feedback items, " + p.revocationCount + " revocations; payload sha256 "
                + p.payloadSha256);
        return p.jws;
    }

    /** The package's entries in the ICSE hash-set CSV layout. */
    @Audited(AuditAction.EXCHANGE_ICSE_EXPORT)
    public String icse(@AuditObject UUID id, String recipient) {
        settings.requireNode("ICSE exports");
        String to = recipient(recipient);
        ExchangePackage p = signed(records.find(id));
        if (p.kind != PackageKind.SUBMISSION) {
            throw new RuleViolationException("Package " + id + " is a revocation: it has no entries to write as ICSE CSV");
        }
        HashPackage payload = records.payload(p);
        StringWriter out = new StringWriter(128 + payload.entries().size() * 200);
        long written;
        long skipped;
        try (IcseCsvWriter writer = new IcseCsvWriter(out)) {
            payload.entries().forEach(e -> writer.write(IcseRow.of(e)));
            written = writer.written();
            skipped = writer.skipped();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        records.disclosure(p.id, DisclosureChannel.ICSE_CSV, to, written + " entries written, " + skipped
                + " without MD5, SHA-1 or PhotoDNA left out", user.name());
        AuditDetails.record("disclosure as ICSE CSV to " + to + ": " + written + " entries (" + skipped
                + " left out: no MD5, SHA-1 or PhotoDNA)");
        return out.toString();
    }

    private static ExchangePackage signed(ExchangePackage p) {
        if (p.state != PackageState.APPROVED && p.state != PackageState.SENT) {
            throw new ConflictException("Package " + p.id + " is " + p.state.name().toLowerCase(java.util.Locale.ROOT)
                    + ": only a package a supervisor approved may leave the node");
        }
        return p;
    }

    private static String recipient(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("recipient is required: who receives the package (recorded with the "
                    + "disclosure)");
        }
        String to = recipient.strip();
        if (to.length() > 500 || to.chars().anyMatch(ch -> ch < 0x20)) {
            throw new IllegalArgumentException("recipient must be one line of at most 500 characters");
        }
        return to;
    }

    private static String summary(HubAnswer answer) {
        if (answer.body() == null) {
            return "accepted (HTTP " + answer.status() + ")";
        }
        var b = answer.body();
        if (b.path("replay").asBoolean(false)) {
            return "already accepted on " + b.path("receivedAt").asText() + "; nothing changed (HTTP " + answer.status() + ")";
        }
        return "accepted (HTTP " + answer.status() + "): " + b.path("newEntries").asInt() + " new entries, "
                + b.path("mergedEntries").asInt() + " merged, " + b.path("feedback").asInt() + " feedback, "
                + b.path("revoked").asInt() + " revoked";
    }
}
