package org.vidcase.hub.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.vidcase.exchange.format.Feedback;
import org.vidcase.exchange.format.HashKey;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.IdentificationCount;
import org.vidcase.exchange.format.PackageEntry;
import org.vidcase.exchange.format.Revocation;
import org.vidcase.hub.trust.Opinion;
import org.vidcase.hub.trust.TrustGrade;
import org.vidcase.hub.trust.TrustRules;

/**
 * Merges an accepted package into the hub's entries, on the caller's connection and under the
 * caller's merge lock: revocations first (a package may withdraw and re-submit), then entries (merged
 * with an entry that shares a hash and disagrees on none; a country's later submission replaces its
 * earlier one), feedback, identification counts. Every entry touched is graded again, its series
 * pseudonyms linked, and given a new change number for the nodes' deltas.
 */
final class EntryMerger {

    private final TrustRules rules;

    EntryMerger(TrustRules rules) {
        this.rules = rules;
    }

    /** What the merge did, for the receipt. */
    record Outcome(int newEntries, int merged, int feedback, int feedbackUnknown, int revoked, int alreadyWithdrawn,
                   int counts) {
    }

    /** Refuses revocations of packages the hub does not hold or that another country sent. */
    static void checkRevocations(Connection c, HashPackage p, String country) throws SQLException {
        for (int i = 0; i < p.revocations().size(); i++) {
            Revocation r = p.revocations().get(i);
            if (!r.wholePackage()) {
                continue;
            }
            try (PreparedStatement s = c.prepareStatement("SELECT country FROM hub_package WHERE package_id = ?")) {
                s.setObject(1, r.packageId());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new PackageRefusedException(422, "Revocation /revocations/" + i + " names package "
                                + r.packageId() + ", which the hub never accepted");
                    }
                    if (!rs.getString(1).equals(country)) {
                        throw new PackageRefusedException(403, "Revocation /revocations/" + i + " names package "
                                + r.packageId() + " of another country: a node revokes only its own packages");
                    }
                }
            }
        }
    }

    Outcome merge(Connection c, HashPackage p, String country, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        Set<Long> touched = new LinkedHashSet<>();
        int revoked = 0;
        int alreadyWithdrawn = 0;
        for (Revocation r : p.revocations()) {
            if (r.wholePackage()) {
                List<Long> entries = revoke(c, "package_id = ?", r.packageId(), country, p.packageId(), r, at);
                revoked += entries.size();
                touched.addAll(entries);
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE hub_package SET revoked_at = ? WHERE package_id = ? AND revoked_at IS NULL")) {
                    s.setTimestamp(1, at);
                    s.setObject(2, r.packageId());
                    s.executeUpdate();
                }
            } else {
                Long entry = find(c, r.key(), null, null);
                List<Long> entries = entry == null ? List.of()
                        : revoke(c, "entry_id = ?", entry, country, p.packageId(), r, at);
                if (entries.isEmpty()) {
                    alreadyWithdrawn++;
                }
                revoked += entries.size();
                touched.addAll(entries);
            }
        }
        int created = 0;
        int merged = 0;
        for (PackageEntry e : p.entries()) {
            Long id = find(c, e.key(), e.photoDna(), e.pdq());
            if (id == null) {
                id = insert(c, e, at);
                created++;
            } else {
                fillIn(c, id, e);
                merged++;
            }
            submit(c, id, country, p.packageId(), e, at);
            if (e.series() != null) {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO hub_series (country, pseudonym, group_id, first_seen)
                        VALUES (?, ?, nextval('hub_series_group_seq'), ?) ON CONFLICT DO NOTHING""")) {
                    s.setString(1, country);
                    s.setString(2, e.series());
                    s.setTimestamp(3, at);
                    s.executeUpdate();
                }
            }
            touched.add(id);
        }
        int feedback = 0;
        int unknown = 0;
        for (Feedback f : p.feedback()) {
            Long id = find(c, f.key(), null, null);
            if (id == null) {
                unknown++;
                continue;
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO hub_feedback (entry_id, country, package_id, category, agree, proposed, received_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (entry_id, country) DO UPDATE SET package_id = excluded.package_id,
                        category = excluded.category, agree = excluded.agree, proposed = excluded.proposed,
                        received_at = excluded.received_at""")) {
                s.setLong(1, id);
                s.setString(2, country);
                s.setObject(3, p.packageId());
                s.setString(4, f.category());
                s.setBoolean(5, f.agree());
                s.setString(6, f.proposed());
                s.setTimestamp(7, at);
                s.executeUpdate();
            }
            feedback++;
            touched.add(id);
        }
        for (IdentificationCount n : p.identifications()) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO hub_identification_count (country, kind, year, count, package_id, reported_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (country, kind, year) DO UPDATE SET count = excluded.count,
                        package_id = excluded.package_id, reported_at = excluded.reported_at""")) {
                s.setString(1, country);
                s.setString(2, n.kind().name());
                s.setInt(3, n.year());
                s.setInt(4, n.count());
                s.setObject(5, p.packageId());
                s.setTimestamp(6, at);
                s.executeUpdate();
            }
        }
        Set<Long> changedGroups = new TreeSet<>();
        for (long id : touched) {
            regrade(c, id, now, changedGroups);
        }
        for (long group : changedGroups) {
            // The group's countries changed: every entry in it tells the nodes its new series count.
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE hub_entry SET change_seq = nextval('hub_change_seq') WHERE series_group = ?")) {
                s.setLong(1, group);
                s.executeUpdate();
            }
        }
        return new Outcome(created, merged, feedback, unknown, revoked, alreadyWithdrawn, p.identifications().size());
    }

    /** Grades an entry again from its live submissions and feedback and the reviewer's decision. */
    void regrade(Connection c, long id, Instant now, Set<Long> changedGroups) throws SQLException {
        String resolved;
        Timestamp resolvedAt;
        Long oldGroup;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT resolved_category, resolved_at, series_group FROM hub_entry WHERE id = ? FOR UPDATE")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                resolved = rs.getString(1);
                resolvedAt = rs.getTimestamp(2);
                long g = rs.getLong(3);
                oldGroup = rs.wasNull() ? null : g;
            }
        }
        List<Opinion> opinions = new ArrayList<>();
        boolean live = false;
        boolean baseline = true;
        boolean victim = false;
        boolean offender = false;
        boolean distributed = false;
        List<String[]> pseudonyms = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT country, category, baseline, series, victim_identified, offender_identified, distributed, received_at
                FROM hub_submission WHERE entry_id = ? AND revoked_at IS NULL ORDER BY country""")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    live = true;
                    opinions.add(Opinion.submitted(rs.getString(1), rs.getString(2), rs.getTimestamp(8).toInstant()));
                    baseline &= rs.getBoolean(3);
                    if (rs.getString(4) != null) {
                        pseudonyms.add(new String[] {rs.getString(1), rs.getString(4)});
                    }
                    victim |= rs.getBoolean(5);
                    offender |= rs.getBoolean(6);
                    distributed |= rs.getBoolean(7);
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT country, category, agree, proposed, received_at FROM hub_feedback WHERE entry_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getTimestamp(5).toInstant();
                    opinions.add(rs.getBoolean(3) ? Opinion.agreed(rs.getString(1), rs.getString(2), at)
                            : Opinion.disagreed(rs.getString(1), rs.getString(2), rs.getString(4), at));
                }
            }
        }
        TrustGrade grade = rules.grade(opinions, resolved == null ? null
                : new TrustRules.Resolution(resolved, resolvedAt.toInstant()));
        Long group = link(c, pseudonyms, changedGroups);
        if (group != null && !group.equals(oldGroup)) {
            changedGroups.add(group);
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE hub_entry SET category = ?, status = ?, live = ?, baseline = ?, victim_identified = ?,
                    offender_identified = ?, distributed = ?, submissions = ?, agreeing = ?, dissenting = ?,
                    series_group = ?, updated_at = ?, change_seq = nextval('hub_change_seq')
                WHERE id = ?""")) {
            s.setString(1, grade.category());
            s.setString(2, grade.status().name());
            s.setBoolean(3, live);
            s.setBoolean(4, live && baseline);
            s.setBoolean(5, victim);
            s.setBoolean(6, offender);
            s.setBoolean(7, distributed);
            s.setInt(8, grade.submittingCountries());
            s.setInt(9, grade.agreeingCountries());
            s.setString(10, grade.dissentingCountries().isEmpty() ? null : String.join(",", grade.dissentingCountries()));
            if (group == null) {
                s.setNull(11, Types.BIGINT);
            } else {
                s.setLong(11, group);
            }
            s.setTimestamp(12, Timestamp.from(now));
            s.setLong(13, id);
            s.executeUpdate();
        }
    }

    /**
     * Series pseudonyms of the live submissions of one entry share its hash: their groups become one
     * (the lowest id). Returns the entry's group, or null without a series.
     */
    private static Long link(Connection c, List<String[]> pseudonyms, Set<Long> changedGroups) throws SQLException {
        Set<Long> groups = new TreeSet<>();
        for (String[] p : pseudonyms) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT group_id FROM hub_series WHERE country = ? AND pseudonym = ?")) {
                s.setString(1, p[0]);
                s.setString(2, p[1]);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        groups.add(rs.getLong(1));
                    }
                }
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        long target = groups.iterator().next();
        if (groups.size() > 1) {
            Long[] others = groups.stream().skip(1).toArray(Long[]::new);
            try (PreparedStatement s = c.prepareStatement("UPDATE hub_series SET group_id = ? WHERE group_id = ANY (?)")) {
                s.setLong(1, target);
                s.setArray(2, c.createArrayOf("bigint", others));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE hub_entry SET series_group = ? WHERE series_group = ANY (?)")) {
                s.setLong(1, target);
                s.setArray(2, c.createArrayOf("bigint", others));
                s.executeUpdate();
            }
            changedGroups.add(target);
        }
        return target;
    }

    private static List<Long> revoke(Connection c, String where, Object value, String country, UUID by, Revocation r,
                                     Timestamp at) throws SQLException {
        List<Long> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("UPDATE hub_submission SET revoked_at = ?, revoked_by_package = ?, "
                + "revoke_reason = ? WHERE " + where + " AND country = ? AND revoked_at IS NULL RETURNING entry_id")) {
            s.setTimestamp(1, at);
            s.setObject(2, by);
            s.setString(3, r.reason().name());
            s.setObject(4, value);
            s.setString(5, country);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getLong(1));
                }
            }
        }
        return entries;
    }

    /**
     * The entry these hashes name: one sharing a hash and disagreeing on none (lowest id first).
     * Entries known by PDQ alone are merged only with entries known by that PDQ alone.
     */
    static Long find(Connection c, HashKey key, String photoDna, String pdq) throws SQLException {
        boolean crypto = key.strongest() != null || photoDna != null;
        String sql = crypto
                ? "SELECT id, md5, sha1, sha256, photodna FROM hub_entry WHERE sha256 = ? OR sha1 = ? OR md5 = ? "
                        + "OR photodna = ? ORDER BY id"
                : "SELECT id, md5, sha1, sha256, photodna FROM hub_entry WHERE pdq = ? AND md5 IS NULL AND sha1 IS NULL "
                        + "AND sha256 IS NULL AND photodna IS NULL ORDER BY id LIMIT 1";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (crypto) {
                s.setString(1, key.sha256());
                s.setString(2, key.sha1());
                s.setString(3, key.md5());
                s.setString(4, photoDna);
            } else {
                s.setString(1, pdq);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (agrees(rs.getString(2), key.md5()) && agrees(rs.getString(3), key.sha1())
                            && agrees(rs.getString(4), key.sha256()) && agrees(rs.getString(5), photoDna)) {
                        return rs.getLong(1);
                    }
                }
            }
        }
        return null;
    }

    private static boolean agrees(String held, String given) {
        return held == null || given == null || Objects.equals(held, given);
    }

    private static long insert(Connection c, PackageEntry e, Timestamp at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO hub_entry (md5, sha1, sha256, pdq, pdq_quality, photodna, vpdq, media_type, category, status,
                    live, baseline, victim_identified, offender_identified, distributed, submissions, agreeing,
                    first_submitted, created_at, updated_at, change_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CANDIDATE', true, false, false, false, false, 0, 0, ?, ?, ?,
                    nextval('hub_change_seq'))
                RETURNING id""")) {
            s.setString(1, e.md5());
            s.setString(2, e.sha1());
            s.setString(3, e.sha256());
            s.setString(4, e.pdq());
            s.setObject(5, e.pdqQuality() == null ? null : e.pdqQuality().shortValue(), Types.SMALLINT);
            s.setString(6, e.photoDna());
            s.setString(7, vpdq(e));
            s.setString(8, e.mediaType().name());
            s.setString(9, e.category());
            s.setObject(10, e.submitted());
            s.setTimestamp(11, at);
            s.setTimestamp(12, at);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Hashes the entry lacked and this submission carries are added. */
    private static void fillIn(Connection c, long id, PackageEntry e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE hub_entry SET md5 = coalesce(md5, ?), sha1 = coalesce(sha1, ?), sha256 = coalesce(sha256, ?),
                    pdq = coalesce(pdq, ?), pdq_quality = CASE WHEN pdq IS NULL THEN ? ELSE pdq_quality END,
                    photodna = coalesce(photodna, ?), vpdq = coalesce(vpdq, ?)
                WHERE id = ?""")) {
            s.setString(1, e.md5());
            s.setString(2, e.sha1());
            s.setString(3, e.sha256());
            s.setString(4, e.pdq());
            s.setObject(5, e.pdqQuality() == null ? null : e.pdqQuality().shortValue(), Types.SMALLINT);
            s.setString(6, e.photoDna());
            s.setString(7, vpdq(e));
            s.setLong(8, id);
            s.executeUpdate();
        }
    }

    private static void submit(Connection c, long id, String country, UUID packageId, PackageEntry e, Timestamp at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO hub_submission (entry_id, country, package_id, category, baseline, series, victim_identified,
                    offender_identified, distributed, submitted, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (entry_id, country) DO UPDATE SET package_id = excluded.package_id,
                    category = excluded.category, baseline = excluded.baseline, series = excluded.series,
                    victim_identified = excluded.victim_identified, offender_identified = excluded.offender_identified,
                    distributed = excluded.distributed, submitted = excluded.submitted, received_at = excluded.received_at,
                    revoked_at = NULL, revoked_by_package = NULL, revoke_reason = NULL""")) {
            s.setLong(1, id);
            s.setString(2, country);
            s.setObject(3, packageId);
            s.setString(4, e.category());
            s.setBoolean(5, e.baseline());
            s.setString(6, e.series());
            s.setObject(7, e.victimIdentified(), Types.BOOLEAN);
            s.setObject(8, e.offenderIdentified(), Types.BOOLEAN);
            s.setObject(9, e.distributed(), Types.BOOLEAN);
            s.setObject(10, e.submitted());
            s.setTimestamp(11, at);
            s.executeUpdate();
        }
    }

    /** vPDQ frames as canonical JSON, passed on in deltas: the nodes match videos by them. */
    private static String vpdq(PackageEntry e) {
        if (e.vpdq().isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < e.vpdq().size(); i++) {
            var f = e.vpdq().get(i);
            b.append(i == 0 ? "" : ",").append("{\"frame\":").append(f.frame()).append(",\"millis\":").append(f.millis())
                    .append(",\"pdq\":\"").append(f.pdq()).append("\",\"quality\":").append(f.quality()).append('}');
        }
        return b.append(']').toString();
    }
}
