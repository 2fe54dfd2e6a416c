package org.vidcase.hub.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.hibernate.Session;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.AuditObject;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.format.InternationalCategories;
import org.vidcase.exchange.service.ExchangeSettings;
import org.vidcase.hub.api.FeedbackView;
import org.vidcase.hub.api.HubEntryView;
import org.vidcase.hub.api.ResolutionRequest;
import org.vidcase.hub.api.SubmissionView;
import org.vidcase.hub.trust.TrustRules;
import org.vidcase.shared.error.ConflictException;
import org.vidcase.shared.error.ResourceNotFoundException;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * The hub's entries for its reviewers: the conflict queue (countries disagree on a category), one
 * entry with every country's submission and feedback, and a reviewer's decision on a conflict.
 */
@ApplicationScoped
public class HubEntries {

    private static final String ENTRY = """
            SELECT e.id, e.live, e.status, e.category, e.md5, e.sha1, e.sha256, e.pdq, e.media_type, e.baseline,
                   e.victim_identified, e.offender_identified, e.distributed, e.submissions, e.agreeing, e.dissenting,
                   e.series_group, (SELECT count(DISTINCT s.country) FROM hub_series s WHERE s.group_id = e.series_group),
                   e.first_submitted, e.resolved_category, e.resolved_by
            FROM hub_entry e
            """;

    private final ExchangeSettings settings;
    private final EntityManager em;
    private final CurrentUser user;

    public HubEntries(ExchangeSettings settings, EntityManager em, CurrentUser user) {
        this.settings = settings;
        this.em = em;
        this.user = user;
    }

    @Audited(AuditAction.HUB_CONFLICT_LIST)
    public List<HubEntryView> conflicts(int page, int size) {
        settings.requireHub("The conflict queue");
        return em.unwrap(Session.class).doReturningWork(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id FROM hub_entry WHERE status = 'CONFLICT' AND live ORDER BY updated_at, id OFFSET ? LIMIT ?")) {
                s.setLong(1, (long) page * size);
                s.setInt(2, size);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<HubEntryView> views = new ArrayList<>();
            for (long id : ids) {
                views.add(view(c, id));
            }
            return views;
        });
    }

    @Audited(AuditAction.HUB_ENTRY_VIEW)
    public HubEntryView get(@AuditObject long id) {
        settings.requireHub("Hub entries");
        return em.unwrap(Session.class).doReturningWork(c -> view(c, id));
    }

    @Audited(AuditAction.HUB_ENTRY_RESOLVE)
    public HubEntryView resolve(@AuditObject long id, @Valid @NotNull ResolutionRequest request) {
        settings.requireHub("Conflict review");
        if (!InternationalCategories.defines(request.category())) {
            throw new RuleViolationException("unknown category '" + request.category() + "'; the international scheme has "
                    + InternationalCategories.codes().keySet());
        }
        Instant now = Instant.now();
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, PackageIntake.MERGE_LOCK);
                lock.execute();
            }
            HubEntryView before = view(c, id);
            if (!"CONFLICT".equals(before.status())) {
                throw new ConflictException("Entry " + id + " is " + before.status() + ", not in conflict");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE hub_entry SET resolved_category = ?, resolved_by = ?, resolved_at = ? WHERE id = ?")) {
                s.setString(1, request.category());
                s.setString(2, user.name());
                s.setTimestamp(3, Timestamp.from(now));
                s.setLong(4, id);
                s.executeUpdate();
            }
            new EntryMerger(new TrustRules(settings.config().trustThreshold())).regrade(c, id, now, new TreeSet<>());
            HubEntryView after = view(c, id);
            AuditDetails.record("conflict on entry " + id + " resolved as category " + request.category() + " (was "
                    + before.category() + "; dissenting " + before.dissenting() + "); now " + after.status());
            return after;
        });
    }

    private HubEntryView view(Connection c, long id) throws SQLException {
        List<SubmissionView> submissions = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT country, category, baseline, series, victim_identified, offender_identified, distributed, submitted,
                       package_id, received_at, revoked_at, revoke_reason
                FROM hub_submission WHERE entry_id = ? ORDER BY country""")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    submissions.add(new SubmissionView(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                            bool(rs, 5), bool(rs, 6), bool(rs, 7), rs.getDate(8).toLocalDate(),
                            rs.getObject(9, java.util.UUID.class), rs.getTimestamp(10).toInstant(), instant(rs, 11),
                            rs.getString(12)));
                }
            }
        }
        List<FeedbackView> feedback = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT country, category, agree, proposed, received_at FROM hub_feedback WHERE entry_id = ? ORDER BY country")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    feedback.add(new FeedbackView(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(ENTRY + " WHERE e.id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new ResourceNotFoundException("Hub entry", id);
                }
                long group = rs.getLong(17);
                boolean hasGroup = !rs.wasNull();
                String dissenting = rs.getString(16);
                return new HubEntryView(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getBoolean(10),
                        rs.getBoolean(11), rs.getBoolean(12), rs.getBoolean(13), rs.getInt(14), rs.getInt(15),
                        dissenting == null ? List.of() : Arrays.asList(dissenting.split(",")),
                        hasGroup ? "INTL-" + group : null, hasGroup ? rs.getInt(18) : 0, rs.getDate(19).toLocalDate(),
                        rs.getString(20), rs.getString(21), submissions, feedback);
            }
        }
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
