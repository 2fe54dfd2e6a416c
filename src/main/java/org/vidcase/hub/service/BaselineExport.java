package org.vidcase.hub.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.format.IcseCsvWriter;
import org.vidcase.exchange.format.IcseRow;
import org.vidcase.exchange.format.MediaKind;
import org.vidcase.exchange.format.PackageVerifier;
import org.vidcase.exchange.service.ExchangeSettings;
import org.vidcase.exchange.service.Instants;
import org.vidcase.hub.api.BaselineExportRequest;
import org.vidcase.hub.api.BaselineExportView;
import org.vidcase.shared.security.CurrentUser;

/**
 * The baseline list for blocking partners (material illegal everywhere): live entries the countries
 * trust and every submitter marked baseline, in the ICSE CSV layout. Each export is recorded with its
 * recipient, legal basis and the file's SHA-256, and audited.
 */
@ApplicationScoped
public class BaselineExport {

    private static final String ENTRIES = """
            SELECT md5, sha1, photodna, distributed, victim_identified, offender_identified, series_group, submissions,
                   media_type
            FROM hub_entry WHERE live AND baseline AND status = 'TRUSTED' ORDER BY id
            """;

    private final ExchangeSettings settings;
    private final EntityManager em;
    private final CurrentUser user;

    public BaselineExport(ExchangeSettings settings, EntityManager em, CurrentUser user) {
        this.settings = settings;
        this.em = em;
        this.user = user;
    }

    /** The CSV and the record of its export. */
    public record Export(BaselineExportView record, String csv) implements org.vidcase.audit.service.AuditSubject {
        @Override
        public String auditObjectId() {
            return record.id().toString();
        }

        @Override
        public UUID auditCaseId() {
            return null;
        }
    }

    @Audited(AuditAction.HUB_BASELINE_EXPORT)
    public Export export(@Valid @NotNull BaselineExportRequest request) {
        settings.requireHub("The baseline export");
        StringWriter out = new StringWriter();
        long written;
        long skipped;
        try (IcseCsvWriter writer = new IcseCsvWriter(out)) {
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement s = c.prepareStatement(ENTRIES)) {
                    s.setFetchSize(5_000);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            long group = rs.getLong(7);
                            String series = rs.wasNull() ? null : "INTL-" + group;
                            writer.write(new IcseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                                    rs.getBoolean(5), rs.getBoolean(6), series, rs.getInt(8),
                                    MediaKind.valueOf(rs.getString(9)), true));
                        }
                    }
                }
            });
            written = writer.written();
            skipped = writer.skipped();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String csv = out.toString();
        BaselineExportView record = new BaselineExportView(UUID.randomUUID(), request.recipient().strip(),
                request.legalBasis().strip(), written, PackageVerifier.sha256(csv.getBytes(StandardCharsets.UTF_8)),
                user.name(), Instant.now());
        em.createNativeQuery("""
                        INSERT INTO hub_baseline_export (id, recipient, legal_basis, entry_count, sha256, exported_by, exported_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, record.id()).setParameter(2, record.recipient()).setParameter(3, record.legalBasis())
                .setParameter(4, record.entryCount()).setParameter(5, record.sha256()).setParameter(6, record.exportedBy())
                .setParameter(7, Timestamp.from(record.exportedAt())).executeUpdate();
        AuditDetails.record("disclosure: baseline list of " + written + " entries (" + skipped + " without MD5, SHA-1 "
                + "or PhotoDNA left out) to " + record.recipient() + "; legal basis: " + record.legalBasis()
                + "; sha256 " + record.sha256());
        return new Export(record, csv);
    }

    @Audited(AuditAction.HUB_BASELINE_LIST)
    @SuppressWarnings("unchecked")
    public List<BaselineExportView> list() {
        settings.requireHub("The baseline export");
        List<Object[]> rows = em.createNativeQuery("""
                SELECT id, recipient, legal_basis, entry_count, sha256, exported_by, exported_at
                FROM hub_baseline_export ORDER BY exported_at DESC, id""").getResultList();
        return rows.stream().map(r -> new BaselineExportView((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4], (String) r[5], Instants.of(r[6]))).toList();
    }

}
