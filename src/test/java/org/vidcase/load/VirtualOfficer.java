package org.vidcase.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.vidcase.media.vics.VicsFileGenerator;

/**
 * One officer at work in a case and exhibit of its own: uploads pictures (raw bodies, sometimes
 * several files at once, sometimes a copy found in another folder), now and then imports a small
 * forensic-tool export, goes through the review queue (by exhibit, by stack, with index filters),
 * looks for similar pictures and categorises what it has seen. Everything it was told it keeps, so
 * that after the load it can check that its case holds exactly that: nothing lost, nothing twice.
 */
final class VirtualOfficer {

    /** What the officer does next, with how often. */
    enum Action {
        UPLOAD(28), UPLOAD_AGAIN(4), MULTIPART(8), VICS_IMPORT(3), REVIEW_QUEUE(18), REVIEW_QUEUE_STACKS(8),
        REVIEW_QUEUE_SEARCH(6), FIND_SIMILAR_ITEM(10), FIND_SIMILAR_HASH(5), CATEGORISE(5);

        private final int weight;

        Action(int weight) {
            this.weight = weight;
        }

        static final int TOTAL = java.util.Arrays.stream(values()).mapToInt(a -> a.weight).sum();
    }

    static final String SIMILAR_RADIUS = "31";
    private static final int PAGE = 50;
    private static final int SIMILAR_K = 20;
    private static final long POLL_EVERY_NANOS = Duration.ofMillis(500).toNanos();
    private static final String[] CATEGORIES = {"0", "1", "2", "3", "4"};

    private final String name;
    private final String account;
    private final LoadHttp http;
    private final ImagePool pool;
    private final Random random;
    private final String caseReference;
    private String caseId;
    private String seizureId;
    private final List<Upload> uploads = new ArrayList<>();
    private final Set<String> uploadedItems = new HashSet<>();
    private final Map<String, String> categorised = new HashMap<>();
    private long importedItems;
    private long locations;
    private int imports;
    private int sequence;
    private PendingImport pending;
    private long lastPoll;

    VirtualOfficer(String name, String account, String runTag, LoadHttp http, ImagePool pool, long seed) {
        this.name = name;
        this.account = account;
        this.http = http;
        this.pool = pool;
        this.random = new Random(seed);
        this.caseReference = "LOAD-" + runTag + "-" + name;
    }

    String name() {
        return name;
    }

    String account() {
        return account;
    }

    String caseId() {
        return caseId;
    }

    /** Opens the officer's case and registers its exhibit; false if either failed (recorded). */
    boolean open(Measurements m) {
        LoadHttp.Reply opened = http.send(Call.postJson(RequestType.HOUSEKEEPING, account, "/api/cases",
                json(Map.of("reference", caseReference, "title", "Load test, " + name,
                        "description", "Synthetic material of the load test")))
                .expect(201).check((b, s) -> "LEAD".equals(b.path("myRole").asText()) ? null
                        : "the officer who opened the case is not its lead: " + b), m);
        if (!opened.ok()) {
            return false;
        }
        caseId = opened.body().path("id").asText();
        LoadHttp.Reply exhibit = http.send(Call.postJson(RequestType.HOUSEKEEPING, account,
                "/api/cases/" + caseId + "/seizures", json(Map.of("reference", "EX-0001",
                        "deviceDescription", "Synthetic phone of the load test", "forensicTool", "VIDCase load")))
                .expect(201).check((b, s) -> caseId.equals(b.path("caseId").asText()) ? null
                        : "exhibit of another case: " + b), m);
        if (!exhibit.ok()) {
            return false;
        }
        seizureId = exhibit.body().path("id").asText();
        return true;
    }

    /** One step of the mix: a look at the import under way if it is time, then the next action. */
    void step(Measurements m) {
        pollImport(m, false);
        perform(choose(), m);
    }

    void perform(Action action, Measurements m) {
        boolean needsItem = action == Action.UPLOAD_AGAIN || action == Action.FIND_SIMILAR_ITEM
                || action == Action.CATEGORISE;
        if (needsItem && uploads.isEmpty() || action == Action.VICS_IMPORT && pending != null) {
            action = Action.UPLOAD;
        }
        switch (action) {
            case UPLOAD -> upload(m);
            case UPLOAD_AGAIN -> uploadAgain(m);
            case MULTIPART -> multipart(m);
            case VICS_IMPORT -> importExport(m);
            case REVIEW_QUEUE -> reviewQueue(m);
            case REVIEW_QUEUE_STACKS -> reviewQueueStacks(m);
            case REVIEW_QUEUE_SEARCH -> reviewQueueSearch(m);
            case FIND_SIMILAR_ITEM -> findSimilarToItem(m);
            case FIND_SIMILAR_HASH -> findSimilarToHash(m);
            case CATEGORISE -> categorise(m);
        }
    }

    private Action choose() {
        int pick = random.nextInt(Action.TOTAL);
        for (Action a : Action.values()) {
            pick -= a.weight;
            if (pick < 0) {
                return a;
            }
        }
        throw new IllegalStateException();
    }

    // --- uploads ---------------------------------------------------------------------------------

    private void upload(Measurements m) {
        int picture = random.nextInt(pool.size());
        String tag = name + "-" + (++sequence);
        byte[] bytes = pool.unique(picture, tag);
        String fileName = fileName(picture, sequence);
        String path = "/DCIM/" + (100 + sequence / 100) + "APPLE";
        String sha256 = sha256(bytes);
        LoadHttp.Reply reply = http.send(Call.post(RequestType.UPLOAD_RAW, account, mediaPath() + "?fileName="
                        + encode(fileName) + "&path=" + encode(path), "application/octet-stream", bytes).expect(201)
                .check((b, s) -> outcomeProblem(b, "NEW_ITEM", sha256, fileName, path)), m);
        if (reply.ok()) {
            filed(new Upload(reply.body().path("item").path("id").asText(), picture, tag, fileName, sha256), 1);
        }
    }

    /** The same file found again in another folder of the exhibit: a location of the item it is. */
    private void uploadAgain(Measurements m) {
        Upload earlier = uploads.get(random.nextInt(uploads.size()));
        String path = "/Backup/" + (++sequence);
        LoadHttp.Reply reply = http.send(Call.post(RequestType.UPLOAD_RAW, account, mediaPath() + "?fileName="
                        + encode(earlier.fileName()) + "&path=" + encode(path), "application/octet-stream",
                pool.unique(earlier.picture(), earlier.tag())).expect(200).check((b, s) -> {
                    String problem = outcomeProblem(b, "LOCATION_ADDED", earlier.sha256(), earlier.fileName(), path);
                    return problem != null || earlier.itemId().equals(b.path("item").path("id").asText()) ? problem
                            : "filed into another item than the first copy's";
                }), m);
        if (reply.ok()) {
            locations++;
        }
    }

    private void multipart(Measurements m) {
        MultipartBody body = new MultipartBody();
        List<Upload> files = new ArrayList<>();
        String path = "/Pictures/Export " + (sequence / 20);
        for (int i = 0; i < 3; i++) {
            int picture = random.nextInt(pool.size());
            String tag = name + "-" + (++sequence);
            byte[] bytes = pool.unique(picture, tag);
            String fileName = fileName(picture, sequence);
            body.file("file", fileName, pool.isJpeg(picture) ? "image/jpeg" : "image/png", bytes);
            files.add(new Upload(null, picture, tag, fileName, sha256(bytes)));
        }
        for (int i = 0; i < files.size(); i++) {
            body.text("path", path);
        }
        LoadHttp.Reply reply = http.send(Call.post(RequestType.UPLOAD_MULTIPART, account, mediaPath(),
                body.contentType(), body.bytes()).expect(201).check((b, s) -> {
                    if (!b.isArray() || b.size() != files.size()) {
                        return "expected " + files.size() + " outcomes: " + LoadHttp.excerpt(b.toString());
                    }
                    for (int i = 0; i < files.size(); i++) {
                        Upload f = files.get(i);
                        String problem = outcomeProblem(b.get(i), "NEW_ITEM", f.sha256(), f.fileName(), path);
                        if (problem != null) {
                            return "file " + (i + 1) + ": " + problem;
                        }
                    }
                    return null;
                }), m);
        // Even a failed request may have stored some of its files (207): they are in the case now.
        JsonNode outcomes = reply.body();
        if (outcomes != null && outcomes.isArray() && outcomes.size() == files.size()) {
            for (int i = 0; i < files.size(); i++) {
                Upload f = files.get(i);
                JsonNode item = outcomes.get(i).path("item");
                if ("NEW_ITEM".equals(outcomes.get(i).path("outcome").asText()) && f.sha256().equals(item.path("sha256").asText())) {
                    filed(new Upload(item.path("id").asText(), f.picture(), f.tag(), f.fileName(), f.sha256()), 1);
                }
            }
        }
    }

    private void filed(Upload upload, int newLocations) {
        uploads.add(upload);
        uploadedItems.add(upload.itemId());
        locations += newLocations;
    }

    /** What is wrong with an upload outcome, or null. */
    private String outcomeProblem(JsonNode outcome, String expected, String sha256, String fileName, String path) {
        if (!expected.equals(outcome.path("outcome").asText())) {
            return "outcome " + outcome.path("outcome").asText() + ", expected " + expected;
        }
        JsonNode item = outcome.path("item");
        if (!caseId.equals(item.path("caseId").asText())) {
            return "filed into another case";
        }
        if (!sha256.equals(item.path("sha256").asText())) {
            return "the item's SHA-256 is not the file's";
        }
        if (!item.path("hasContent").asBoolean() || item.path("pdq").isNull() || item.path("pdq").isMissingNode()) {
            return "a decodable picture without its content or PDQ hash: " + LoadHttp.excerpt(item.toString());
        }
        if (!any(item.path("locations"), l -> fileName.equals(l.path("fileName").asText())
                && path.equals(l.path("path").asText()) && seizureId.equals(l.path("seizureId").asText()))) {
            return "no location " + path + " " + fileName + " on the exhibit: " + item.path("locations");
        }
        return null;
    }

    // --- imports ---------------------------------------------------------------------------------

    private void importExport(Measurements m) {
        int records = 10 + random.nextInt(31);
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        try {
            VicsFileGenerator.generate(export, records, random.nextBoolean() ? "2.0" : "1.3", random.nextLong());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String fileName = "export-" + (++imports) + ".json";
        long submitted = System.nanoTime();
        LoadHttp.Reply reply = http.send(Call.post(RequestType.VICS_IMPORT, account, "/api/cases/" + caseId
                        + "/seizures/" + seizureId + "/imports?fileName=" + fileName, "application/json",
                export.toByteArray()).expect(202).check((b, s) -> "media-import".equals(b.path("type").asText())
                && caseId.equals(b.path("caseId").asText()) && LoadChecks.JOB_STATES.contains(b.path("state").asText()) ? null
                : "not this case's import job: " + LoadHttp.excerpt(b.toString())), m);
        if (reply.ok()) {
            pending = new PendingImport(reply.body().path("id").asText(), records, submitted);
        }
    }

    /** Looks at the import under way (at most every half second unless {@code now}); true once none is. */
    boolean pollImport(Measurements m, boolean now) {
        if (pending == null) {
            return true;
        }
        if (!now && System.nanoTime() - lastPoll < POLL_EVERY_NANOS) {
            return false;
        }
        lastPoll = System.nanoTime();
        PendingImport job = pending;
        LoadHttp.Reply reply = http.send(Call.get(RequestType.JOB_STATUS, account, "/api/jobs/" + job.id())
                .check(LoadChecks.job(job.id())), m);
        if (!reply.ok()) {
            return false;
        }
        JsonNode body = reply.body();
        String state = body.path("state").asText();
        if (state.equals("QUEUED") || state.equals("RUNNING")) {
            return false;
        }
        pending = null;
        String problem = importProblem(body, job.records());
        m.job(JobKind.VICS_IMPORT, System.nanoTime() - job.submitted(), problem);
        if (problem == null) {
            importedItems += body.path("result").path("newItems").asLong();
            locations += body.path("result").path("newLocations").asLong();
        }
        return true;
    }

    /**
     * Every record accounted for: new (its hashes are random) or rejected with a reason (the
     * generator writes categories 0-5, and the scheme has 0-4).
     */
    private static String importProblem(JsonNode job, int records) {
        JsonNode result = job.path("result");
        if (!"SUCCEEDED".equals(job.path("state").asText())) {
            return "import " + job.path("id").asText() + " ended " + job.path("state").asText() + ": "
                    + job.path("message").asText();
        }
        long rejected = result.path("rejected").asLong(-1);
        if (result.path("records").asLong() != records || result.path("newItems").asLong() + rejected != records
                || job.path("errorCount").asLong() != rejected || result.path("newLocations").asLong() < 1) {
            return "import " + job.path("id").asText() + " of " + records + " records reported "
                    + result + " with " + job.path("errorCount").asLong() + " errors";
        }
        return null;
    }

    /** Waits for the import under way, if any, polling as a client would. */
    void finishImport(Measurements m, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!pollImport(m, true)) {
            if (System.nanoTime() > deadline) {
                m.error(RequestType.JOB_STATUS, name + ": import " + pending.id() + " did not end within " + within);
                pending = null;
                return;
            }
            Thread.sleep(250);
        }
    }

    // --- the review queue ------------------------------------------------------------------------

    private void reviewQueue(Measurements m) {
        String query = "?review=TO_REVIEW&seizureId=" + seizureId + "&size=" + PAGE + "&page=" + page();
        http.send(Call.get(RequestType.REVIEW_QUEUE, account, casePath() + "/media" + query).check((b, s) -> {
            String problem = listProblem(b);
            if (problem != null) {
                return problem;
            }
            for (JsonNode item : b) {
                if (!item.path("matchStatus").isNull() || "HUMAN".equals(item.path("categorySource").asText())) {
                    return "item " + item.path("id").asText() + " in the queue though matched or categorised";
                }
                if (!seizureId.equals(item.path("seizureId").asText())
                        && !any(item.path("locations"), l -> seizureId.equals(l.path("seizureId").asText()))) {
                    return "item " + item.path("id").asText() + " not on the exhibit asked for";
                }
            }
            return null;
        }), m);
    }

    private void reviewQueueStacks(Measurements m) {
        String query = "?review=TO_REVIEW&stacks=true&size=" + PAGE + "&page=" + page();
        http.send(Call.get(RequestType.REVIEW_QUEUE_STACKS, account, casePath() + "/media" + query).check((b, s) -> {
            String problem = listProblem(b);
            if (problem != null) {
                return problem;
            }
            for (JsonNode item : b) {
                JsonNode stack = item.path("stackId");
                if (item.path("stackSize").asInt(0) < 1
                        || !stack.isNull() && !stack.asText().equals(item.path("id").asText())) {
                    return "item " + item.path("id").asText() + " listed as a stack it does not represent: stack "
                            + stack + ", size " + item.path("stackSize");
                }
            }
            return null;
        }), m);
    }

    /** Filters only the index holds: what it finds is shown as PostgreSQL has it now. */
    private void reviewQueueSearch(Measurements m) {
        boolean byExtension = random.nextBoolean();
        String query = "?review=TO_REVIEW&size=" + PAGE + (byExtension ? "&extension=jpg" : "&folder=" + encode("/DCIM"));
        Predicate<JsonNode> fits = byExtension
                ? l -> l.path("fileName").asText().toLowerCase(Locale.ROOT).endsWith(".jpg")
                : l -> l.path("path").asText().replace('\\', '/').toLowerCase(Locale.ROOT).startsWith("/dcim");
        http.send(Call.get(RequestType.REVIEW_QUEUE_SEARCH, account, casePath() + "/media" + query).check((b, s) -> {
            String problem = listProblem(b);
            if (problem != null) {
                return problem;
            }
            for (JsonNode item : b) {
                if (!any(item.path("locations"), fits)) {
                    return "item " + item.path("id").asText() + " found by " + query + " has no such location: "
                            + item.path("locations");
                }
            }
            return null;
        }), m);
    }

    private String listProblem(JsonNode list) {
        if (!list.isArray() || list.size() > PAGE) {
            return "not a page of at most " + PAGE + " items: " + LoadHttp.excerpt(list.toString());
        }
        for (JsonNode item : list) {
            if (!caseId.equals(item.path("caseId").asText())) {
                return "item " + item.path("id").asText() + " of another case";
            }
        }
        return null;
    }

    private int page() {
        long items = uploadedItems.size() + importedItems;
        int pages = (int) Math.max(1, (items + PAGE - 1) / PAGE);
        return random.nextInt(4) == 0 ? random.nextInt(pages) : 0;
    }

    // --- find similar ----------------------------------------------------------------------------

    private void findSimilarToItem(Measurements m) {
        Upload probe = uploads.get(random.nextInt(uploads.size()));
        http.send(Call.get(RequestType.FIND_SIMILAR_ITEM, account, casePath() + "/media/" + probe.itemId()
                + "/similar?radius=" + SIMILAR_RADIUS + "&k=" + SIMILAR_K).check((b, s) -> {
                    JsonNode p = b.path("probe");
                    if (!"MEDIA_ITEM".equals(p.path("source").asText())
                            || !probe.itemId().equals(p.path("mediaItemId").asText()) || !b.path("rotations").asBoolean()) {
                        return "not a probe of the item with its turns: " + LoadHttp.excerpt(p.toString());
                    }
                    if (any(b.path("items"), i -> probe.itemId().equals(i.path("mediaItemId").asText()))) {
                        return "the probe found itself";
                    }
                    return LoadChecks.similarProblem(b, SIMILAR_K);
                }), m);
    }

    private void findSimilarToHash(Measurements m) {
        String pdq = pool.pdq(random.nextInt(pool.size()));
        http.send(Call.postJson(RequestType.FIND_SIMILAR_HASH, account, "/api/similar?radius=" + SIMILAR_RADIUS
                + "&k=" + SIMILAR_K, json(Map.of("pdq", pdq))).check((b, s) -> {
                    JsonNode p = b.path("probe");
                    if (!"PDQ".equals(p.path("source").asText()) || !pdq.equalsIgnoreCase(p.path("pdq").asText())
                            || b.path("rotations").asBoolean()) {
                        return "not a probe of the hash sent: " + LoadHttp.excerpt(p.toString());
                    }
                    return LoadChecks.similarProblem(b, SIMILAR_K);
                }), m);
    }

    // --- categorisation --------------------------------------------------------------------------

    private void categorise(Measurements m) {
        Upload item = uploads.get(random.nextInt(uploads.size()));
        String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("category", category);
        decision.put("tags", List.of("load-test"));
        decision.put("note", "Reviewed during the load test");
        LoadHttp.Reply reply = http.send(Call.putJson(RequestType.CATEGORISE, account, casePath() + "/media/"
                + item.itemId() + "/categorisation", json(decision)).check((b, s) ->
                item.itemId().equals(b.path("id").asText()) && category.equals(b.path("category").asText())
                        && "HUMAN".equals(b.path("categorySource").asText())
                        && account.equals(b.path("categorisedBy").asText()) ? null
                        : "the decision is not on the item: " + LoadHttp.excerpt(b.toString())), m);
        if (reply.ok()) {
            categorised.put(item.itemId(), category);
        }
    }

    // --- after the load --------------------------------------------------------------------------

    /**
     * The case holds exactly what the officer was told was filed: every uploaded item once, the
     * imports' new items, every location, the last category set on each item it categorised; and
     * the search index, once its outbox has caught up, counts the same items.
     */
    void verify(Measurements m, Duration indexWithin) throws InterruptedException {
        Map<String, JsonNode> items = new HashMap<>();
        long seenLocations = 0;
        for (int page = 0; ; page++) {
            LoadHttp.Reply reply = http.send(Call.get(RequestType.HOUSEKEEPING, account, casePath()
                    + "/media?size=1000&page=" + page), m);
            if (!reply.ok()) {
                return;
            }
            for (JsonNode item : reply.body()) {
                if (items.put(item.path("id").asText(), item) != null) {
                    m.error(RequestType.HOUSEKEEPING, name + ": item " + item.path("id").asText() + " listed twice");
                }
                seenLocations += item.path("locations").size();
            }
            if (reply.body().size() < 1000) {
                break;
            }
        }
        long expected = uploadedItems.size() + importedItems;
        if (items.size() != expected || seenLocations != locations) {
            m.error(RequestType.HOUSEKEEPING, name + ": case " + caseId + " holds " + items.size() + " items and "
                    + seenLocations + " locations; expected " + expected + " and " + locations);
        }
        for (String id : uploadedItems) {
            if (!items.containsKey(id)) {
                m.error(RequestType.HOUSEKEEPING, name + ": uploaded item " + id + " is missing");
            }
        }
        categorised.forEach((id, category) -> {
            JsonNode item = items.get(id);
            if (item != null && !(category.equals(item.path("category").asText())
                    && "HUMAN".equals(item.path("categorySource").asText()))) {
                m.error(RequestType.HOUSEKEEPING, name + ": item " + id + " was last categorised " + category
                        + " and shows " + item.path("category").asText() + " (" + item.path("categorySource").asText() + ")");
            }
        });
        awaitIndexed(m, expected, indexWithin);
    }

    private void awaitIndexed(Measurements m, long expected, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long indexed = -1;
        while (System.nanoTime() < deadline) {
            LoadHttp.Reply reply = http.send(Call.get(RequestType.HOUSEKEEPING, account, casePath()
                    + "/media/facets?facet=category&facetSize=10"), m);
            if (!reply.ok()) {
                return;
            }
            indexed = reply.body().path("total").asLong();
            if (indexed == expected) {
                return;
            }
            Thread.sleep(500);
        }
        m.error(RequestType.HOUSEKEEPING, name + ": the search index counts " + indexed + " items of case " + caseId
                + ", the case holds " + expected + " (after " + within.toSeconds() + " s)");
    }

    /** Counts for the report. */
    Tally tally() {
        return new Tally(uploadedItems.size(), importedItems, locations, categorised.size());
    }

    record Tally(long uploadedItems, long importedItems, long locations, long categorised) {
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String casePath() {
        return "/api/cases/" + caseId;
    }

    private String mediaPath() {
        return casePath() + "/seizures/" + seizureId + "/media";
    }

    private String fileName(int picture, int n) {
        return String.format(Locale.ROOT, "IMG_%04d.%s", n, pool.isJpeg(picture) ? "JPG" : "png");
    }

    private String json(Object value) {
        try {
            return http.json().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean any(JsonNode array, Predicate<JsonNode> test) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(test);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file the officer filed; {@code tag} makes its content unique and lets it be made again. */
    private record Upload(String itemId, int picture, String tag, String fileName, String sha256) {
    }

    private record PendingImport(String id, int records, long submitted) {
    }
}
