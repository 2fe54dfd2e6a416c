package org.vidcase.hub.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.Audited;
import org.vidcase.exchange.format.HubStatisticsReport;
import org.vidcase.exchange.service.ExchangeSettings;
import org.vidcase.shared.security.Login;
import org.vidcase.shared.security.Roles;

/** The hub's statistics, computed from its tables at the time asked. */
@ApplicationScoped
public class HubStatistics {

    private final ExchangeSettings settings;
    private final NodeRegistry registry;
    private final SecurityIdentity identity;
    private final EntityManager em;

    public HubStatistics(ExchangeSettings settings, NodeRegistry registry, SecurityIdentity identity, EntityManager em) {
        this.settings = settings;
        this.registry = registry;
        this.identity = identity;
        this.em = em;
    }

    /** The figures, for a hub administrator or a registered, active node (as its service account). */
    @Audited(AuditAction.HUB_STATISTICS)
    public HubStatisticsReport compute() {
        settings.requireHub("Statistics");
        if (!identity.hasRole(Roles.HUB_ADMIN)) {
            String client = Login.of(identity.getPrincipal()).map(Login::client).orElse(null);
            registry.activeNode(client).orElseThrow(() -> new PackageRefusedException(403, "Client " + client
                    + " is not a registered, active node of this hub"));
        }
        return em.unwrap(Session.class).doReturningWork(this::compute);
    }

    private HubStatisticsReport compute(Connection c) throws SQLException {
        HubStatisticsReport.Totals totals = one(c, """
                SELECT count(*) FILTER (WHERE live), count(*) FILTER (WHERE NOT live),
                       count(*) FILTER (WHERE live AND status = 'TRUSTED'), count(*) FILTER (WHERE live AND status = 'CANDIDATE'),
                       count(*) FILTER (WHERE live AND status = 'CONFLICT'), count(*) FILTER (WHERE live AND baseline)
                FROM hub_entry""", rs -> new HubStatisticsReport.Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        List<HubStatisticsReport.CategoryCount> byCategory = list(c, """
                SELECT category, count(*), count(*) FILTER (WHERE status = 'TRUSTED') FROM hub_entry
                WHERE live AND category IS NOT NULL GROUP BY category ORDER BY category""",
                rs -> new HubStatisticsReport.CategoryCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
        List<HubStatisticsReport.CountryCount> byCountry = list(c, """
                WITH countries AS (SELECT country FROM hub_node UNION SELECT country FROM hub_package)
                SELECT k.country,
                       (SELECT count(*) FROM hub_submission s WHERE s.country = k.country AND s.revoked_at IS NULL),
                       (SELECT count(*) FROM hub_package p WHERE p.country = k.country),
                       (SELECT count(*) FROM hub_feedback f WHERE f.country = k.country)
                FROM countries k ORDER BY k.country""",
                rs -> new HubStatisticsReport.CountryCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
        List<HubStatisticsReport.YearCount> identifications = list(c, """
                SELECT year, coalesce(sum(count) FILTER (WHERE kind = 'VICTIM'), 0),
                       coalesce(sum(count) FILTER (WHERE kind = 'OFFENDER'), 0)
                FROM hub_identification_count GROUP BY year ORDER BY year""",
                rs -> new HubStatisticsReport.YearCount(rs.getInt(1), rs.getLong(2), rs.getLong(3)));
        List<HubStatisticsReport.YearCount> identifiedEntries = list(c, """
                SELECT CAST(extract(year FROM first_submitted) AS INT), count(*) FILTER (WHERE victim_identified),
                       count(*) FILTER (WHERE offender_identified)
                FROM hub_entry WHERE live GROUP BY 1 ORDER BY 1""",
                rs -> new HubStatisticsReport.YearCount(rs.getInt(1), rs.getLong(2), rs.getLong(3)));
        HubStatisticsReport.CrossBorder crossBorder = one(c, """
                WITH groups AS (SELECT group_id FROM hub_series GROUP BY group_id HAVING count(DISTINCT country) > 1)
                SELECT (SELECT count(*) FROM groups),
                       (SELECT count(*) FROM hub_entry e WHERE e.live AND e.series_group IN (SELECT group_id FROM groups))""",
                rs -> new HubStatisticsReport.CrossBorder(rs.getLong(1), rs.getLong(2)));
        List<HubStatisticsReport.MonthCount> growth = new ArrayList<>();
        long total = 0;
        for (long[] month : list(c, """
                SELECT CAST(extract(year FROM created_at) AS INT), CAST(extract(month FROM created_at) AS INT), count(*)
                FROM hub_entry GROUP BY 1, 2 ORDER BY 1, 2""",
                rs -> new long[] {rs.getInt(1), rs.getInt(2), rs.getLong(3)})) {
            total += month[2];
            growth.add(new HubStatisticsReport.MonthCount(String.format("%04d-%02d", month[0], month[1]), month[2], total));
        }
        return new HubStatisticsReport(Instant.now(), totals, byCategory, byCountry, identifications, identifiedEntries,
                crossBorder, growth);
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T one(Connection c, String sql, Row<T> row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return row.read(rs);
        }
    }

    private static <T> List<T> list(Connection c, String sql, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }
}
