package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditCase;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.lead.api.ClueRequest;
import org.vidcase.lead.api.ClueView;
import org.vidcase.lead.api.UpdateClueRequest;
import org.vidcase.lead.api.WithdrawClueRequest;
import org.vidcase.lead.domain.Clue;
import org.vidcase.lead.domain.ClueKeys;
import org.vidcase.lead.domain.ClueRepository;
import org.vidcase.lead.domain.ClueType;
import org.vidcase.lead.domain.Confidence;
import org.vidcase.lead.domain.Lead;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * Clues of a lead, typed, with evidence links to media items or series of the same case; edited
 * and withdrawn, never deleted. A clue added or edited is compared with the clues of other cases
 * ({@link ClueHits}).
 */
@ApplicationScoped
public class ClueService {

    private final ClueRepository clues;
    private final LeadRules rules;
    private final LeadViews views;
    private final LeadHistory history;
    private final ClueHits hits;
    private final CaseAccess access;
    private final CurrentUser user;
    private final EntityManager em;

    public ClueService(ClueRepository clues, LeadRules rules, LeadViews views, LeadHistory history, ClueHits hits,
                       CaseAccess access, CurrentUser user, EntityManager em) {
        this.clues = clues;
        this.rules = rules;
        this.views = views;
        this.history = history;
        this.hits = hits;
        this.access = access;
        this.user = user;
        this.em = em;
    }

    @Audited(AuditAction.LEAD_CLUE_ADD)
    public ClueView add(@AuditCase UUID caseId, @AuditObject UUID leadId, @Valid @NotNull ClueRequest request) {
        access.workable(caseId);
        Lead lead = rules.locked(caseId, leadId);
        LeadRules.requireNotClosed(lead);
        Clue c = new Clue();
        c.id = UUID.randomUUID();
        c.leadId = lead.id;
        c.caseId = caseId;
        c.type = request.type();
        setContent(c, request.value(), request.latitude(), request.longitude(), true);
        c.confidence = request.confidence() == null ? Confidence.MEDIUM : request.confidence();
        List<UUID> media = LeadRules.distinct(request.mediaItemIds());
        List<UUID> series = LeadRules.distinct(request.seriesIds());
        rules.requireMediaOfCase(caseId, media);
        rules.requireSeriesOfCase(caseId, series);
        c.addedBy = user.name();
        c.addedAt = Instant.now();
        clues.persist(c);
        clues.flush();
        setEvidence(c, media, series);
        history.changed(lead.id, user.name(), "clue-added", "clue " + c.id, null, describe(c));
        LeadRules.touch(lead);
        List<String> related = hits.record(c, lead.reference, user.name());
        history.audit("clue " + c.type + " added to lead " + lead.reference
                + (related.isEmpty() ? "" : "; equal to clues of " + related.size() + " other units' cases"));
        return views.clue(c, related);
    }

    @Audited(AuditAction.LEAD_CLUE_UPDATE)
    public ClueView update(@AuditCase UUID caseId, @AuditObject UUID leadId, UUID clueId,
                           @Valid @NotNull UpdateClueRequest request) {
        access.workable(caseId);
        Lead lead = rules.locked(caseId, leadId);
        LeadRules.requireNotClosed(lead);
        Clue c = lockedAt(lead, clueId, request.version());
        requireNotWithdrawn(c);
        String before = describe(c);
        String keyBefore = c.matchKey;
        Double latBefore = c.latitude;
        Double lonBefore = c.longitude;
        setContent(c, request.value() != null ? request.value() : c.value,
                request.latitude() != null ? request.latitude() : c.latitude,
                request.longitude() != null ? request.longitude() : c.longitude, request.value() != null
                        || c.type != ClueType.GPS);
        if (request.confidence() != null) {
            c.confidence = request.confidence();
        }
        if (request.mediaItemIds() != null || request.seriesIds() != null) {
            List<UUID> media = request.mediaItemIds() != null ? LeadRules.distinct(request.mediaItemIds()) : evidence(c, "media_item_id");
            List<UUID> series = request.seriesIds() != null ? LeadRules.distinct(request.seriesIds()) : evidence(c, "series_id");
            rules.requireMediaOfCase(caseId, media);
            rules.requireSeriesOfCase(caseId, series);
            em.createNativeQuery("DELETE FROM lead_clue_evidence WHERE clue_id = ?1").setParameter(1, c.id).executeUpdate();
            setEvidence(c, media, series);
        }
        String after = describe(c);
        boolean changed = history.changed(lead.id, user.name(), "clue-edited", "clue " + c.id, before, after);
        List<String> related = List.of();
        if (changed) {
            c.updatedBy = user.name();
            c.updatedAt = Instant.now();
            c.version++;
            LeadRules.touch(lead);
            if (!Objects.equals(keyBefore, c.matchKey) || !Objects.equals(latBefore, c.latitude)
                    || !Objects.equals(lonBefore, c.longitude)) {
                clues.flush();
                related = hits.record(c, lead.reference, user.name());
            }
            history.audit("clue " + c.id + " of lead " + lead.reference + " edited");
        }
        return views.clue(c, related);
    }

    @Audited(AuditAction.LEAD_CLUE_WITHDRAW)
    public ClueView withdraw(@AuditCase UUID caseId, @AuditObject UUID leadId, UUID clueId,
                             @Valid @NotNull WithdrawClueRequest request) {
        access.workable(caseId);
        Lead lead = rules.locked(caseId, leadId);
        LeadRules.requireNotClosed(lead);
        Clue c = lockedAt(lead, clueId, request.version());
        requireNotWithdrawn(c);
        c.withdrawnBy = user.name();
        c.withdrawnAt = Instant.now();
        c.withdrawReason = request.reason().strip();
        c.version++;
        history.changed(lead.id, user.name(), "clue-withdrawn", "clue " + c.id, describe(c), "withdrawn: " + c.withdrawReason);
        LeadRules.touch(lead);
        history.audit("clue " + c.id + " of lead " + lead.reference + " withdrawn: " + c.withdrawReason);
        return views.clue(c, null);
    }

    private Clue lockedAt(Lead lead, UUID clueId, Long version) {
        Clue c = clues.lockedOfLead(lead.id, clueId).orElseThrow(() -> new ResourceNotFoundException("Clue", clueId));
        if (version == null || c.version != version) {
            throw new ConflictException("Clue " + clueId + " was changed since version " + version + "; it is at version "
                    + c.version + ": read it again and repeat the change");
        }
        return c;
    }

    private static void requireNotWithdrawn(Clue c) {
        if (c.withdrawnAt != null) {
            throw new ConflictException("Clue " + c.id + " was withdrawn; add a new one instead");
        }
    }

    /** Value and position as the type wants them; a GPS clue needs both coordinates in range. */
    private static void setContent(Clue c, String value, Double latitude, Double longitude, boolean valueGiven) {
        if (c.type == ClueType.GPS) {
            if (latitude == null || longitude == null) {
                throw new RuleViolationException("A GPS clue needs latitude and longitude");
            }
            if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
                throw new RuleViolationException("GPS position out of range: latitude must be within -90..90 and "
                        + "longitude within -180..180, not " + latitude + ", " + longitude);
            }
            c.latitude = latitude;
            c.longitude = longitude;
            c.value = value == null || value.isBlank() ? String.format(java.util.Locale.ROOT, "%.6f, %.6f", latitude, longitude)
                    : value.strip();
            c.matchKey = null;
            return;
        }
        if (latitude != null || longitude != null) {
            throw new RuleViolationException("Only a GPS clue has latitude and longitude; a " + c.type + " clue has a value");
        }
        if (value == null || value.isBlank()) {
            throw new RuleViolationException("A " + c.type + " clue needs a value");
        }
        c.value = value.strip();
        c.matchKey = ClueKeys.key(c.type, c.value);
    }

    private void setEvidence(Clue c, List<UUID> media, List<UUID> series) {
        for (UUID m : media) {
            em.createNativeQuery("INSERT INTO lead_clue_evidence (clue_id, media_item_id) VALUES (?1, ?2)")
                    .setParameter(1, c.id).setParameter(2, m).executeUpdate();
        }
        for (UUID s : series) {
            em.createNativeQuery("INSERT INTO lead_clue_evidence (clue_id, series_id) VALUES (?1, ?2)")
                    .setParameter(1, c.id).setParameter(2, s).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> evidence(Clue c, String column) {
        return em.createNativeQuery("SELECT " + column + " FROM lead_clue_evidence WHERE clue_id = ?1 AND " + column
                + " IS NOT NULL", UUID.class).setParameter(1, c.id).getResultList();
    }

    private String describe(Clue c) {
        return c.type + " '" + c.value + "' (" + c.confidence + ")" + " evidence " + evidence(c, "media_item_id")
                + " " + evidence(c, "series_id");
    }
}
