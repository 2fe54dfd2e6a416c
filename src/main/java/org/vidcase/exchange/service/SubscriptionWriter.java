package org.vidcase.exchange.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.vidcase.exchange.format.DeltaEntry;
import org.vidcase.exchange.format.DeltaPage;
import org.vidcase.exchange.format.InternationalCategories;
import org.vidcase.matching.EntryIds;

/**
 * Applies one page of hub changes to the subscription set, on the caller's connection (one
 * transaction): a withdrawn hub entry withdraws the local entry (it stays, as matches refer to it);
 * a changed one is updated in place while its hashes are the same, else withdrawn and added anew; a
 * new one is added. The set's revision goes up by one for the whole page, so that every replica's
 * index takes the page at once, and the cursor moves to the page's end in the same commit.
 */
final class SubscriptionWriter {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]*");

    /** What a page changed; {@code skipped} true when another pull had moved the cursor on meanwhile. */
    record Applied(boolean skipped, long revision, List<Long> added, List<Long> withdrawn, List<Long> updated,
                   List<String> refused) {

        static Applied notApplied() {
            return new Applied(true, 0, List.of(), List.of(), List.of(), List.of());
        }
    }

    private SubscriptionWriter() {
    }

    static Applied apply(Connection c, UUID setId, int indexId, String expectedCursor, DeltaPage page) throws SQLException {
        long revision;
        try (PreparedStatement s = c.prepareStatement("SELECT revision FROM hash_set WHERE id = ? FOR UPDATE")) {
            s.setObject(1, setId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("the subscription set " + setId + " is gone");
                }
                revision = rs.getLong(1) + 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT cursor FROM exchange_subscription WHERE hash_set_id = ?")) {
            s.setObject(1, setId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || !Objects.equals(rs.getString(1), expectedCursor)) {
                    return Applied.notApplied();
                }
            }
        }
        long next = nextOrdinal(c, indexId);
        Map<Long, DeltaEntry> latest = new LinkedHashMap<>();
        page.entries().forEach(d -> latest.put(d.id(), d));
        List<Long> added = new ArrayList<>();
        List<Long> withdrawn = new ArrayList<>();
        List<Long> updated = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (DeltaEntry d : latest.values()) {
            String problem = d.live() ? problem(d) : null;
            if (problem != null) {
                refused.add("hub entry " + d.id() + ": " + problem);
                continue;
            }
            Local local = local(c, setId, d.id());
            if (!d.live()) {
                if (local != null) {
                    withdraw(c, local.id(), revision);
                    withdrawn.add(local.id());
                }
                continue;
            }
            if (local != null && local.sameHashes(d)) {
                update(c, local.id(), d, now);
                updated.add(local.id());
                continue;
            }
            if (local != null) {
                withdraw(c, local.id(), revision);
                withdrawn.add(local.id());
            }
            long id = EntryIds.of(indexId, next++);
            insert(c, setId, id, d, revision, now);
            added.add(id);
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE hash_set SET revision = ?, updated_at = now(), entry_count =
                    (SELECT count(*) FROM hash_set_entry WHERE hash_set_id = ? AND withdrawn_rev IS NULL)
                WHERE id = ?""")) {
            s.setLong(1, revision);
            s.setObject(2, setId);
            s.setObject(3, setId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE exchange_subscription SET cursor = ?, pulled_at = now(), last_error = NULL WHERE hash_set_id = ?")) {
            s.setString(1, page.cursor());
            s.setObject(2, setId);
            s.executeUpdate();
        }
        return new Applied(false, revision, added, withdrawn, updated, refused);
    }

    /** Why a live delta entry cannot be held (the hub is trusted, but what it sends is still checked). */
    private static String problem(DeltaEntry d) {
        String bad = hex(d.md5(), 32, "md5");
        bad = bad != null ? bad : hex(d.sha1(), 40, "sha1");
        bad = bad != null ? bad : hex(d.sha256(), 64, "sha256");
        bad = bad != null ? bad : hex(d.pdq(), 64, "pdq");
        bad = bad != null ? bad : hex(d.photoDna(), 288, "photoDna");
        if (bad != null) {
            return bad;
        }
        if (d.vpdq() != null && !d.vpdq().isEmpty()) {
            try {
                PackageVideoFrames.stored(d.vpdq());
            } catch (IllegalArgumentException e) {
                return "vpdq: " + e.getMessage();
            }
        }
        if (d.md5() == null && d.sha1() == null && d.sha256() == null && d.pdq() == null && d.photoDna() == null
                && (d.vpdq() == null || d.vpdq().isEmpty())) {
            return "no hash this node can match";
        }
        if (d.category() != null && !InternationalCategories.defines(d.category())) {
            return "unknown category " + d.category();
        }
        if (d.trust() == null || !d.trust().matches("CANDIDATE|TRUSTED|CONFLICT")) {
            return "unknown trust grade";
        }
        if (d.series() != null && d.series().length() > 200) {
            return "series reference too long";
        }
        return null;
    }

    private static String hex(String value, int length, String name) {
        return value != null && (value.length() != length || !HEX.matcher(value).matches())
                ? name + " is not " + length + " lower-case hex digits" : null;
    }

    private static long nextOrdinal(Connection c, int indexId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT max(id) FROM hash_set_entry WHERE id >= ? AND id < ?")) {
            s.setLong(1, EntryIds.first(indexId));
            s.setLong(2, EntryIds.end(indexId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long max = rs.getLong(1);
                return rs.wasNull() ? 0 : max - EntryIds.first(indexId) + 1;
            }
        }
    }

    private record Local(long id, String md5, String sha1, String sha256, String pdq, Integer pdqQuality, String photoDna,
                         byte[] vpdq) {
        boolean sameHashes(DeltaEntry d) {
            return Objects.equals(md5, d.md5()) && Objects.equals(sha1, d.sha1()) && Objects.equals(sha256, d.sha256())
                    && Objects.equals(pdq, d.pdq()) && Objects.equals(pdqQuality, d.pdqQuality())
                    && Objects.equals(photoDna, d.photoDna()) && Arrays.equals(vpdq, PackageVideoFrames.stored(d.vpdq()));
        }
    }

    private static Local local(Connection c, UUID setId, long hubEntry) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT e.id, e.md5, e.sha1, e.sha256, e.pdq, e.pdq_quality, e.photodna, e.vpdq
                FROM subscription_entry x JOIN hash_set_entry e ON e.id = x.entry_id
                WHERE x.hash_set_id = ? AND x.hub_entry = ? AND e.withdrawn_rev IS NULL""")) {
            s.setObject(1, setId);
            s.setLong(2, hubEntry);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                short q = rs.getShort(6);
                Integer quality = rs.wasNull() ? null : (int) q;
                byte[] photoDna = rs.getBytes(7);
                return new Local(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        quality, photoDna == null ? null : HexFormat.of().formatHex(photoDna), rs.getBytes(8));
            }
        }
    }

    private static void withdraw(Connection c, long entryId, long revision) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE hash_set_entry SET withdrawn_rev = ? WHERE id = ?")) {
            s.setLong(1, revision);
            s.setLong(2, entryId);
            s.executeUpdate();
        }
    }

    private static void update(Connection c, long entryId, DeltaEntry d, Timestamp now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE hash_set_entry SET category = ?, series = ?, victim_identified = ?, offender_identified = ?,
                    distributed = ?, baseline = ? WHERE id = ?""")) {
            details(s, 1, d);
            s.setLong(7, entryId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE subscription_entry SET trust = ?, submissions = ?, agreeing = ?, series_countries = ?, updated = ?
                WHERE entry_id = ?""")) {
            grade(s, 1, d);
            s.setTimestamp(5, now);
            s.setLong(6, entryId);
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, UUID setId, long id, DeltaEntry d, long revision, Timestamp now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO hash_set_entry (id, hash_set_id, md5, sha1, sha256, pdq, pdq_quality, photodna, category,
                    series, victim_identified, offender_identified, distributed, baseline, added_rev, vpdq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setLong(1, id);
            s.setObject(2, setId);
            s.setString(3, d.md5());
            s.setString(4, d.sha1());
            s.setString(5, d.sha256());
            s.setString(6, d.pdq());
            if (d.pdqQuality() == null) {
                s.setNull(7, Types.SMALLINT);
            } else {
                s.setShort(7, d.pdqQuality().shortValue());
            }
            s.setBytes(8, d.photoDna() == null ? null : HexFormat.of().parseHex(d.photoDna()));
            details(s, 9, d);
            s.setLong(15, revision);
            s.setBytes(16, PackageVideoFrames.stored(d.vpdq()));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO subscription_entry (entry_id, hash_set_id, hub_entry, trust, submissions, agreeing,
                    series_countries, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setLong(1, id);
            s.setObject(2, setId);
            s.setLong(3, d.id());
            grade(s, 4, d);
            s.setTimestamp(8, now);
            s.executeUpdate();
        }
    }

    /** category, series, victim, offender, distributed, baseline from {@code at}. */
    private static void details(PreparedStatement s, int at, DeltaEntry d) throws SQLException {
        s.setString(at, d.category());
        s.setString(at + 1, d.series());
        s.setObject(at + 2, d.victimIdentified(), Types.BOOLEAN);
        s.setObject(at + 3, d.offenderIdentified(), Types.BOOLEAN);
        s.setObject(at + 4, d.distributed(), Types.BOOLEAN);
        s.setObject(at + 5, d.baseline(), Types.BOOLEAN);
    }

    /** trust, submissions, agreeing, series countries from {@code at}. */
    private static void grade(PreparedStatement s, int at, DeltaEntry d) throws SQLException {
        s.setString(at, d.trust());
        s.setInt(at + 1, d.submissions() == null ? 0 : d.submissions());
        s.setInt(at + 2, d.agreeing() == null ? 0 : d.agreeing());
        s.setInt(at + 3, d.seriesCountries() == null ? 0 : d.seriesCountries());
    }
}
