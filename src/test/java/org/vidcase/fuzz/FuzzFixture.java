package org.vidcase.fuzz;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.CaseFixture;
import org.vidcase.testsupport.Jobs;
import org.vidcase.testsupport.Tokens;

/**
 * The data the fuzzing run aims at, made through the API: a case of unit north with its team
 * (officer lead, investigator and liaison officer members), an exhibit, pictures, two series, a lead
 * with a clue and a referral abroad, an identification, a finished import job and a hash set; and a
 * case of unit south (officer2's) whose ids the north callers must not be able to tell from missing ones.
 */
final class FuzzFixture implements FixtureIds {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> foreign = new HashMap<>();
    private final Map<String, List<String>> fields = new HashMap<>();

    static FuzzFixture create(long seed) {
        FuzzFixture f = new FuzzFixture();
        UUID caseId = CaseFixture.openCase("officer");
        CaseFixture.addMember(caseId, "officer", "investigator", "MEMBER");
        CaseFixture.addMember(caseId, "officer", "liaison", "MEMBER");
        String c = "/api/cases/" + caseId;
        String seizure = Api.as("officer").body(Map.of("reference", "EX-FUZZ-1", "deviceDescription", "synthetic phone"))
                .post(c + "/seizures").then().statusCode(201).extract().path("id");
        String media1 = upload(caseId, seizure, FileBodies.picture(seed * 17 + 1), "IMG_0001.png");
        String media2 = upload(caseId, seizure, FileBodies.picture(seed * 17 + 2), "IMG_0002.png");
        String series1 = created(Api.as("officer").body(Map.of("name", "Fuzz series one", "mediaItemIds", List.of(media1)))
                .post(c + "/series"));
        String series2 = created(Api.as("officer").body(Map.of("name", "Fuzz series two", "mediaItemIds", List.of(media2)))
                .post(c + "/series"));
        JsonPath lead = Api.as("officer").body(Map.of("title", "Fuzz lead", "assignees", List.of("officer"),
                "mediaItemIds", List.of(media1))).post(c + "/leads").then().statusCode(201).extract().jsonPath();
        String leadId = lead.getString("id");
        Api.as("officer").body(Map.of("version", lead.getLong("version"), "status", "IN_PROGRESS"))
                .post(c + "/leads/" + leadId + "/status").then().statusCode(200);
        String clue = created(Api.as("officer").body(Map.of("type", "OBJECT", "value", "Blue school badge"))
                .post(c + "/leads/" + leadId + "/clues"));
        JsonPath referred = Api.as("officer").body(Map.of("recipientKind", "COUNTRY", "recipient", "National VID unit",
                "country", "NL", "subject", "Badge clue")).post(c + "/leads/" + leadId + "/referrals")
                .then().statusCode(201).extract().jsonPath();
        String referral = referred.getString("referrals[0].id");
        String identification = created(Api.as("officer").body(Map.of("kind", "VICTIM", "reference", "V-FUZZ-" + seed % 1000,
                "identifiedOn", "2026-01-02", "country", "GB", "unit", "VID unit North", "seriesIds", List.of(series1)))
                .post(c + "/identifications"));
        String job = given().auth().oauth2(Tokens.of("officer")).contentType("text/csv")
                .body(FileBodies.exportFile("CSV", seed * 17 + 3)).post(c + "/seizures/" + seizure + "/imports")
                .then().statusCode(202).extract().path("id");
        Jobs.awaitEnd(job, "officer");
        String hashSet = created(Api.as("supervisor").body(Map.of("name", "Fuzz set " + seed + "-" + System.nanoTime(),
                "source", "CUSTOM", "version", "1", "kind", "ALERT", "categoryScheme", "vics", "defaultCategory", "1"))
                .post("/api/hash-sets"));
        List<String> notifications = Api.as("officer").get("/api/notifications").then().statusCode(200).extract()
                .path("id");

        f.values.put("caseId", caseId.toString());
        f.values.put("seizureId", seizure);
        f.values.put("mediaId", media1);
        f.values.put("mediaItemId", media1);
        f.values.put("seriesId", series1);
        f.values.put("leadId", leadId);
        f.values.put("clueId", clue);
        f.values.put("referralId", referral);
        f.values.put("identificationId", identification);
        f.values.put("jobId", job);
        f.values.put("username", "officer2");
        f.values.put("hash-sets/id", hashSet);
        f.values.put("notifications/id", notifications == null || notifications.isEmpty()
                ? UUID.randomUUID().toString() : notifications.get(0));
        f.fields.put("mediaItemIds", List.of(media1));
        f.fields.put("seriesIds", List.of(series1));
        f.fields.put("leadIds", List.of(leadId));
        f.fields.put("otherSeriesId", List.of(series2));
        f.fields.put("seizureId", List.of(seizure));
        f.fields.put("caseId", List.of(caseId.toString()));
        f.fields.put("assignees", List.of("officer"));
        f.fields.put("usernames", List.of("officer"));

        UUID foreignCase = CaseFixture.openCase("officer2");
        String foreignSeizure = Api.as("officer2").body(Map.of("reference", "EX-FUZZ-S", "deviceDescription", "synthetic"))
                .post("/api/cases/" + foreignCase + "/seizures").then().statusCode(201).extract().path("id");
        String foreignMedia = upload(foreignCase, foreignSeizure, FileBodies.picture(seed * 17 + 4), "IMG_9.png", "officer2");
        f.foreign.put("caseId", foreignCase.toString());
        f.foreign.put("seizureId", foreignSeizure);
        f.foreign.put("mediaId", foreignMedia);
        f.foreign.put("mediaItemId", foreignMedia);
        return f;
    }

    UUID caseId() {
        return UUID.fromString(values.get("caseId"));
    }

    UUID foreignCaseId() {
        return UUID.fromString(foreign.get("caseId"));
    }

    String hashSetId() {
        return values.get("hash-sets/id");
    }

    @Override
    public Optional<String> pathValue(String template, String parameter) {
        String value = values.get(parameter);
        if (value == null) {
            value = values.get(previousSegment(template, parameter) + "/" + parameter);
        }
        return Optional.ofNullable(value);
    }

    @Override
    public Optional<String> foreignPathValue(String template, String parameter) {
        return Optional.ofNullable(foreign.get(parameter));
    }

    @Override
    public List<String> fieldIds(String field) {
        return fields.getOrDefault(field, List.of());
    }

    /** For a parameter the fixture does not know: the first id of the collection it sits in, if the caller may list it. */
    void discover(ApiOperation op, String user) {
        for (ApiOperation.Parameter p : op.pathParameters()) {
            if (pathValue(op.path(), p.name()).isPresent()) {
                continue;
            }
            String collection = op.path().substring(0, op.path().indexOf("{" + p.name() + "}") - 1);
            for (ApiOperation.Parameter outer : op.pathParameters()) {
                collection = collection.replace("{" + outer.name() + "}", pathValue(op.path(), outer.name())
                        .orElse(UUID.randomUUID().toString()));
            }
            Response listed = Api.as(user).get(collection);
            if (listed.statusCode() == 200) {
                Object ids = listed.jsonPath().get("id");
                if (ids instanceof List<?> list && !list.isEmpty()) {
                    values.put(previousSegment(op.path(), p.name()) + "/" + p.name(), String.valueOf(list.get(0)));
                }
            }
        }
    }

    private static String previousSegment(String template, String parameter) {
        String before = template.substring(0, Math.max(0, template.indexOf("{" + parameter + "}") - 1));
        return before.substring(before.lastIndexOf('/') + 1);
    }

    private static String upload(UUID caseId, String seizure, byte[] png, String name) {
        return upload(caseId, seizure, png, name, "officer");
    }

    private static String upload(UUID caseId, String seizure, byte[] png, String name, String user) {
        return given().auth().oauth2(Tokens.of(user)).contentType("application/octet-stream").body(png)
                .queryParam("fileName", name).queryParam("path", "/DCIM/100APPLE")
                .post("/api/cases/" + caseId + "/seizures/" + seizure + "/media")
                .then().statusCode(201).extract().path("item.id");
    }

    private static String created(Response response) {
        return response.then().statusCode(201).extract().path("id");
    }
}
