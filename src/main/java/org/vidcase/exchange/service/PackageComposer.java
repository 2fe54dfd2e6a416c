package org.vidcase.exchange.service;

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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.vidcase.audit.service.AuditAction;
import org.vidcase.audit.service.AuditDetails;
import org.vidcase.audit.service.Audited;
import org.vidcase.cases.service.CaseAccess;
import org.vidcase.exchange.api.ComposeRequest;
import org.vidcase.exchange.api.PackageView;
import org.vidcase.exchange.domain.ExchangePackage;
import org.vidcase.exchange.domain.ExchangePackageRepository;
import org.vidcase.exchange.domain.PackageKind;
import org.vidcase.exchange.domain.PackageState;
import org.vidcase.exchange.format.Feedback;
import org.vidcase.exchange.format.HashKey;
import org.vidcase.exchange.format.HashPackage;
import org.vidcase.exchange.format.IdentificationCount;
import org.vidcase.exchange.format.MediaKind;
import org.vidcase.exchange.format.PackageEntry;
import org.vidcase.exchange.format.PackageJson;
import org.vidcase.exchange.format.PackageRules;
import org.vidcase.exchange.format.PackageVerifier;
import org.vidcase.exchange.format.SeriesPseudonym;
import org.vidcase.exchange.format.Violation;
import org.vidcase.shared.category.CategoryScheme;
import org.vidcase.shared.error.RuleViolationException;
import org.vidcase.shared.security.CurrentUser;

/**
 * Composes a package from a liaison officer's selection, over the cases the officer may read.
 * Only items whose category a person gave are taken; an item the hub's subscription already knows
 * (an exact match) goes as feedback on the hub's category, never as a submission, so that the hub
 * never counts its own entries back as independent submissions. Fields come from an allow-list:
 * hashes, the category mapped to the international scheme, baseline and the three flags, a series
 * pseudonym, media type, the day. Nothing of the case, exhibit, file, person or place is read.
 */
@ApplicationScoped
public class PackageComposer {

    // An item exactly matched by a live HUB entry carries that entry's (international) category.
    private static final String CANDIDATES = """
            SELECT i.md5, i.sha1, i.sha256, i.pdq, i.pdq_quality, i.photodna, i.category, i.baseline,
                   i.victim_identified, i.offender_identified, i.distributed, i.mime_type, i.categorised_at,
                   sm.series_id, coalesce(s.victim_identified, false), coalesce(s.offender_identified, false),
                   hub.category, (SELECT vh.media_id FROM video_hash vh WHERE vh.media_id = i.id)
            FROM media_item i
            LEFT JOIN series_member sm ON sm.media_item_id = i.id AND sm.state = 'CONFIRMED'
            LEFT JOIN series s ON s.id = sm.series_id
            LEFT JOIN LATERAL (
                SELECT e.category FROM media_match m JOIN hash_set_entry e ON e.id = m.entry_id
                JOIN hash_set hs ON hs.id = e.hash_set_id
                WHERE m.media_id = i.id AND hs.source = 'HUB' AND m.hash_type <> 'PDQ' AND e.withdrawn_rev IS NULL
                ORDER BY e.id DESC LIMIT 1) hub ON true
            WHERE i.case_id = ANY (?) AND i.category_source = 'HUMAN' AND i.category = ANY (?)
              AND i.categorised_at >= ? AND i.categorised_at < ?
            ORDER BY i.categorised_at DESC, i.id
            """;
    private static final String NOT_BY_A_PERSON = """
            SELECT count(*) FROM media_item i
            WHERE i.case_id = ANY (?) AND i.category = ANY (?) AND i.category_source IS DISTINCT FROM 'HUMAN'
              AND coalesce(i.categorised_at, i.created_at) >= ? AND coalesce(i.categorised_at, i.created_at) < ?
            """;
    private static final String IDENTIFICATIONS = """
            SELECT kind, CAST(extract(year FROM identified_on) AS INT), count(*) FROM identification
            WHERE withdrawn_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2
            """;

    private final ExchangeSettings settings;
    private final CaseAccess access;
    private final CategoryScheme scheme;
    private final ExchangePackageRepository packages;
    private final PackageRecords records;
    private final EntityManager em;
    private final CurrentUser user;

    public PackageComposer(ExchangeSettings settings, CaseAccess access, CategoryScheme scheme,
                           ExchangePackageRepository packages, PackageRecords records, EntityManager em,
                           CurrentUser user) {
        this.settings = settings;
        this.access = access;
        this.scheme = scheme;
        this.packages = packages;
        this.records = records;
        this.em = em;
        this.user = user;
    }

    @Audited(AuditAction.EXCHANGE_COMPOSE)
    public PackageView compose(@Valid @NotNull ComposeRequest request) {
        settings.requireNode("Package composition");
        String country = settings.country();
        SeriesPseudonym pseudonyms = settings.pseudonyms();
        settings.signingKeys();
        Set<String> codes = codes(request.categories());
        List<UUID> cases = cases(request.caseIds());
        Instant from = request.categorisedFrom() == null ? Instant.EPOCH
                : request.categorisedFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = request.categorisedTo() == null ? Instant.parse("9999-01-01T00:00:00Z")
                : request.categorisedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<UUID> series = request.seriesIds() == null ? Set.of() : new LinkedHashSet<>(request.seriesIds());

        Found found = em.unwrap(Session.class).doReturningWork(c -> find(c, cases, codes, from, to));
        Map<String, PackageEntry> entries = new LinkedHashMap<>();
        Map<String, Feedback> feedback = new LinkedHashMap<>();
        Map<UUID, String> videos = new LinkedHashMap<>();
        for (Candidate item : found.items()) {
            if (!series.isEmpty() && (item.seriesId() == null || !series.contains(item.seriesId()))) {
                continue;
            }
            if (request.victimIdentified() != null && request.victimIdentified() != item.victimIdentified()) {
                continue;
            }
            if (request.offenderIdentified() != null && request.offenderIdentified() != item.offenderIdentified()) {
                continue;
            }
            String category = settings.international(item.category()).orElseThrow();
            HashKey key = new HashKey(item.md5(), item.sha1(), item.sha256());
            String at = key.strongest();
            if (at == null || entries.containsKey(at) || feedback.containsKey(at)) {
                // Items come newest decision first: an older decision on the same content is left out.
                continue;
            }
            if (item.hubCategory() != null) {
                boolean agree = item.hubCategory().equals(category);
                feedback.put(at, new Feedback(item.md5(), item.sha1(), item.sha256(), item.hubCategory(), agree,
                        agree ? null : category));
                continue;
            }
            entries.put(at, new PackageEntry(item.md5(), item.sha1(), item.sha256(), item.pdq(), item.pdq() == null ? null
                    : item.pdqQuality(), item.photoDna(), List.of(), category, Boolean.TRUE.equals(item.baseline()),
                    item.seriesId() == null ? null : pseudonyms.of(item.seriesId()), item.victimIdentified() ? true : null,
                    item.offenderIdentified() ? true : null, item.distributed(), item.mediaType(), today, country));
            if (item.hashedVideo() != null) {
                videos.put(item.hashedVideo(), at);
            }
        }
        if (!videos.isEmpty()) {
            em.unwrap(Session.class).doWork(c -> withVideoFrames(c, entries, videos));
        }
        List<IdentificationCount> counts = Boolean.FALSE.equals(request.includeIdentificationCounts()) ? List.of()
                : found.counts();
        List<PackageEntry> sortedEntries = entries.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList();
        List<Feedback> sortedFeedback = feedback.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue).toList();
        if (sortedEntries.size() > settings.limits().maxEntries() || sortedFeedback.size() > settings.limits().maxEntries()) {
            throw new RuleViolationException("The selection holds " + sortedEntries.size() + " entries and "
                    + sortedFeedback.size() + " feedback items; a package holds at most " + settings.limits().maxEntries()
                    + " of each: narrow the selection (categories, series, dates)");
        }
        if (sortedEntries.isEmpty() && sortedFeedback.isEmpty()) {
            throw new RuleViolationException("Nothing to share: no item of the cases you may read matches the "
                    + "selection with a category a person gave (" + found.notByAPerson()
                    + " matching items were categorised only by an import or a hash match)");
        }
        HashPackage payload = new HashPackage(UUID.randomUUID(), country, today, sortedEntries, sortedFeedback, List.of(),
                counts);
        List<Violation> violations = PackageRules.check(payload, settings.limits(), today);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("a composed package breaks the format's rules: " + violations);
        }
        Map<String, Long> leftOut = new LinkedHashMap<>();
        leftOut.put("notCategorisedByAPerson", found.notByAPerson());
        leftOut.put("knownFromTheHubSentAsFeedback", (long) sortedFeedback.size());
        ExchangePackage p = store(payload, PackageKind.SUBMISSION, records.toJson(request), leftOut);
        sortedEntries.forEach(e -> records.hash(p.id, "ENTRY", e.key(), e.category()));
        sortedFeedback.forEach(f -> records.hash(p.id, "FEEDBACK", f.key(), f.agree() ? f.category() : f.proposed()));
        AuditDetails.record("disclosure composed for " + settings.hubUrlIfSet().orElse("a file (no hub configured)")
                + ": " + sortedEntries.size() + " entries, " + sortedFeedback.size() + " feedback items, "
                + counts.size() + " identification counts; payload sha256 " + p.payloadSha256
                + "; awaiting a supervisor's approval");
        return records.view(p);
    }

    public ExchangePackage store(HashPackage payload, PackageKind kind, String selection, Map<String, Long> leftOut) {
        byte[] json = PackageJson.canonical(payload);
        ExchangePackage p = new ExchangePackage();
        p.id = payload.packageId();
        p.kind = kind;
        p.state = PackageState.COMPOSED;
        p.country = payload.issuingCountry();
        p.selection = selection;
        p.payload = json;
        p.payloadSha256 = PackageVerifier.sha256(json);
        p.entryCount = payload.entries().size();
        p.feedbackCount = payload.feedback().size();
        p.revocationCount = payload.revocations().size();
        p.leftOut = leftOut.isEmpty() ? null : records.toJson(leftOut);
        p.composedBy = user.name();
        p.composedAt = Instant.now();
        packages.persist(p);
        packages.flush();
        return p;
    }

    private Set<String> codes(List<String> requested) {
        Set<String> exchanged = settings.exchangedCodes();
        if (exchanged.isEmpty()) {
            throw new RuleViolationException("No category of the " + scheme.profile() + " scheme has an international "
                    + "equivalent (vidcase.exchange.category-map." + scheme.profile() + ".*): nothing can be exchanged");
        }
        if (requested == null || requested.isEmpty()) {
            return new LinkedHashSet<>(exchanged);
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : requested) {
            scheme.require(code);
            if (!exchanged.contains(code)) {
                throw new RuleViolationException("Category " + code + " has no international equivalent and is never "
                        + "exchanged; exchanged categories: " + new java.util.TreeSet<>(exchanged));
            }
            codes.add(code);
        }
        return codes;
    }

    private List<UUID> cases(List<UUID> requested) {
        if (requested == null || requested.isEmpty()) {
            return access.readableCaseIds();
        }
        List<UUID> cases = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(requested)) {
            cases.add(access.readable(id).id);
        }
        return cases;
    }

    private Found find(Connection c, List<UUID> cases, Set<String> codes, Instant from, Instant to) throws SQLException {
        List<Candidate> items = new ArrayList<>();
        long notByAPerson;
        try (PreparedStatement s = c.prepareStatement(CANDIDATES)) {
            s.setArray(1, c.createArrayOf("uuid", cases.toArray()));
            s.setArray(2, c.createArrayOf("text", codes.toArray()));
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.add(candidate(rs));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement(NOT_BY_A_PERSON)) {
            s.setArray(1, c.createArrayOf("uuid", cases.toArray()));
            s.setArray(2, c.createArrayOf("text", codes.toArray()));
            s.setTimestamp(3, Timestamp.from(from));
            s.setTimestamp(4, Timestamp.from(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                notByAPerson = rs.getLong(1);
            }
        }
        List<IdentificationCount> counts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(IDENTIFICATIONS); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                counts.add(new IdentificationCount(IdentificationCount.Kind.valueOf(rs.getString(1)), rs.getInt(2),
                        (int) Math.min(Integer.MAX_VALUE, rs.getLong(3))));
            }
        }
        counts.sort(Comparator.comparing(IdentificationCount::kind).thenComparingInt(IdentificationCount::year));
        return new Found(items, notByAPerson, counts);
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        short quality = rs.getShort(5);
        Integer pdqQuality = rs.wasNull() ? null : (int) quality;
        byte[] photoDna = rs.getBytes(6);
        boolean baselineSet = rs.getBoolean(8);
        Boolean baseline = rs.wasNull() ? null : baselineSet;
        boolean itemVictim = rs.getBoolean(9);
        boolean itemOffender = rs.getBoolean(10);
        boolean distributedSet = rs.getBoolean(11);
        Boolean distributed = rs.wasNull() ? null : distributedSet;
        String mime = rs.getString(12);
        UUID seriesId = rs.getObject(14, UUID.class);
        boolean victim = itemVictim || rs.getBoolean(15);
        boolean offender = itemOffender || rs.getBoolean(16);
        return new Candidate(lower(rs.getString(1)), lower(rs.getString(2)), lower(rs.getString(3)),
                lower(rs.getString(4)), pdqQuality,
                photoDna == null || photoDna.length != 144 ? null : HexFormat.of().formatHex(photoDna), rs.getString(7),
                baseline, victim, offender, distributed, mediaType(mime), seriesId, rs.getString(17),
                rs.getObject(18, UUID.class));
    }

    /** Gives each decoded video's entry its vPDQ frames (at most the format's limit an entry), in pages. */
    private void withVideoFrames(Connection c, Map<String, PackageEntry> entries, Map<UUID, String> videos)
            throws SQLException {
        List<UUID> ids = new ArrayList<>(videos.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> page = ids.subList(from, Math.min(ids.size(), from + 500));
            try (PreparedStatement s = c.prepareStatement("SELECT media_id, frames FROM video_hash WHERE media_id = ANY (?)")) {
                s.setArray(1, c.createArrayOf("uuid", page.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String at = videos.get(rs.getObject(1, UUID.class));
                        PackageEntry e = entries.get(at);
                        entries.put(at, new PackageEntry(e.md5(), e.sha1(), e.sha256(), e.pdq(), e.pdqQuality(),
                                e.photoDna(), PackageVideoFrames.of(rs.getBytes(2), settings.limits().maxFramesPerEntry()),
                                e.category(), e.baseline(), e.series(), e.victimIdentified(), e.offenderIdentified(),
                                e.distributed(), e.mediaType(), e.submitted(), e.submittingCountry()));
                    }
                }
            }
        }
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(java.util.Locale.ROOT);
    }

    private static MediaKind mediaType(String mime) {
        if (mime == null) {
            return MediaKind.OTHER;
        }
        if (mime.startsWith("image/")) {
            return MediaKind.IMAGE;
        }
        return mime.startsWith("video/") ? MediaKind.VIDEO : MediaKind.OTHER;
    }

    /** What the selection's query found. */
    private record Found(List<Candidate> items, long notByAPerson, List<IdentificationCount> counts) {
    }

    /**
     * One item as the package may use it: no case, file or person; {@code hashedVideo} (a decoded
     * video's id) only reads its vPDQ here and never leaves.
     */
    private record Candidate(String md5, String sha1, String sha256, String pdq, Integer pdqQuality, String photoDna,
                             String category, Boolean baseline, boolean victimIdentified, boolean offenderIdentified,
                             Boolean distributed, MediaKind mediaType, UUID seriesId, String hubCategory,
                             UUID hashedVideo) {
    }
}
