package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.lead.api.CreateIdentificationRequest;
import org.vidcase.lead.api.IdentificationView;
import org.vidcase.lead.api.WithdrawIdentificationRequest;
import org.vidcase.lead.domain.Identification;
import org.vidcase.lead.domain.IdentificationKind;
import org.vidcase.lead.domain.IdentificationRepository;
import org.vidcase.series.service.SeriesFlags;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * Identified-victim and identified-offender records of a case. They are the source of truth for
 * the series' identified flags: a series is flagged while an active record of that kind names it,
 * and the flag shows the earliest such record (and its first lead). Reopening a lead leaves its
 * records alone; withdrawing a record is its own audited act with a reason, and clears or moves
 * the flags it set.
 */
@ApplicationScoped
public class IdentificationService {

    private final IdentificationRepository records;
    private final LeadRules rules;
    private final LeadHistory history;
    private final SeriesFlags flags;
    private final CaseAccess access;
    private final CurrentUser user;
    private final EntityManager em;

    public IdentificationService(IdentificationRepository records, LeadRules rules, LeadHistory history,
                                 SeriesFlags flags, CaseAccess access, CurrentUser user, EntityManager em) {
        this.records = records;
        this.rules = rules;
        this.history = history;
        this.flags = flags;
        this.access = access;
        this.user = user;
        this.em = em;
    }

    @Audited(AuditAction.IDENTIFICATION_LIST)
    public List<IdentificationView> list(@AuditCase UUID caseId) {
        access.readable(caseId);
        return records.ofCase(caseId).stream().map(this::view).toList();
    }

    @Audited(AuditAction.IDENTIFICATION_CREATE)
    public IdentificationView create(@AuditCase UUID caseId, @Valid @NotNull CreateIdentificationRequest request) {
        access.workable(caseId);
        if (request.identifiedOn().isAfter(LocalDate.now().plusDays(1))) {
            throw new RuleViolationException("identifiedOn is in the future: " + request.identifiedOn());
        }
        String country = LeadRules.country(request.country(), "country");
        List<UUID> leadIds = LeadRules.distinct(request.leadIds());
        List<UUID> seriesIds = LeadRules.distinct(request.seriesIds());
        if (leadIds.isEmpty() && seriesIds.isEmpty()) {
            throw new RuleViolationException("An identification record names the leads or series it came from");
        }
        rules.requireLeadsOfCase(caseId, leadIds);
        rules.requireSeriesOfCase(caseId, seriesIds);
        long taken = records.count("caseId = ?1 and kind = ?2 and lower(reference) = ?3 and withdrawnAt is null",
                caseId, request.kind(), request.reference().toLowerCase(java.util.Locale.ROOT));
        if (taken > 0) {
            throw new ConflictException("This case already has an active " + request.kind() + " record "
                    + request.reference());
        }
        Identification r = new Identification();
        r.id = UUID.randomUUID();
        r.caseId = caseId;
        r.kind = request.kind();
        r.reference = request.reference();
        r.identifiedOn = request.identifiedOn();
        r.country = country;
        r.unit = request.unit().strip();
        r.recordedBy = user.name();
        r.recordedAt = Instant.now();
        records.persist(r);
        records.flush();
        for (UUID lead : leadIds) {
            em.createNativeQuery("INSERT INTO identification_lead (identification_id, lead_id) VALUES (?1, ?2)")
                    .setParameter(1, r.id).setParameter(2, lead).executeUpdate();
            history.event(lead, user.name(), "identification-recorded", r.kind + " " + r.reference + " on " + r.identifiedOn);
        }
        for (UUID series : seriesIds) {
            em.createNativeQuery("INSERT INTO identification_series (identification_id, series_id) VALUES (?1, ?2)")
                    .setParameter(1, r.id).setParameter(2, series).executeUpdate();
        }
        seriesIds.forEach(s -> recompute(s, r.kind));
        AuditDetails.record(r.kind + " record " + r.reference + " identified on " + r.identifiedOn + " by " + r.country
                + "/" + r.unit + "; leads " + leadIds + ", series " + seriesIds);
        return view(r);
    }

    @Audited(AuditAction.IDENTIFICATION_WITHDRAW)
    public IdentificationView withdraw(@AuditCase UUID caseId, @AuditObject UUID id,
                                       @Valid @NotNull WithdrawIdentificationRequest request) {
        access.workable(caseId);
        Identification r = records.lockedInCase(caseId, id)
                .orElseThrow(() -> new ResourceNotFoundException("Identification", id));
        if (r.withdrawnAt != null) {
            throw new ConflictException("Record " + r.reference + " was withdrawn on " + r.withdrawnAt);
        }
        r.withdrawnAt = Instant.now();
        r.withdrawnBy = user.name();
        r.withdrawReason = request.reason().strip();
        records.flush();
        for (UUID lead : leads(r.id)) {
            history.event(lead, user.name(), "identification-withdrawn", r.kind + " " + r.reference + ": " + r.withdrawReason);
        }
        series(r.id).forEach(s -> recompute(s, r.kind));
        AuditDetails.record(r.kind + " record " + r.reference + " withdrawn: " + r.withdrawReason);
        return view(r);
    }

    /** Sets the series' flag of this kind from the earliest active record naming it. */
    @SuppressWarnings("unchecked")
    private void recompute(UUID seriesId, IdentificationKind kind) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT i.id, (SELECT il.lead_id FROM identification_lead il JOIN lead l ON l.id = il.lead_id
                                       WHERE il.identification_id = i.id ORDER BY l.created_at, l.id LIMIT 1)
                          FROM identification i JOIN identification_series s ON s.identification_id = i.id
                         WHERE s.series_id = ?1 AND i.kind = ?2 AND i.withdrawn_at IS NULL
                         ORDER BY i.identified_on, i.recorded_at, i.id LIMIT 1""")
                .setParameter(1, seriesId).setParameter(2, kind.name()).getResultList();
        UUID record = rows.isEmpty() ? null : (UUID) rows.get(0)[0];
        UUID lead = rows.isEmpty() ? null : (UUID) rows.get(0)[1];
        flags.set(seriesId, kind == IdentificationKind.VICTIM ? SeriesFlags.Flag.VICTIM : SeriesFlags.Flag.OFFENDER,
                record, lead, user.name());
    }

    private IdentificationView view(Identification r) {
        return new IdentificationView(r.id, r.caseId, r.kind, r.reference, r.identifiedOn, r.country, r.unit, leads(r.id),
                series(r.id), r.recordedBy, r.recordedAt, r.withdrawnAt != null, r.withdrawnBy, r.withdrawnAt,
                r.withdrawReason);
    }

    @SuppressWarnings("unchecked")
    private List<UUID> leads(UUID id) {
        return em.createNativeQuery("SELECT lead_id FROM identification_lead WHERE identification_id = ?1 ORDER BY lead_id",
                UUID.class).setParameter(1, id).getResultList();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> series(UUID id) {
        return em.createNativeQuery("SELECT series_id FROM identification_series WHERE identification_id = ?1 ORDER BY series_id",
                UUID.class).setParameter(1, id).getResultList();
    }
}
