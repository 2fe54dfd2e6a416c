package org.vidcase.shared.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.localstack.KeycloakAdmin;
import org.vidcase.localstack.KeycloakBrowser;
import org.vidcase.localstack.LocalStackTestResource;
import org.vidcase.testsupport.Api;
import org.vidcase.testsupport.Totp;

/**
 * Identity assurance on the real Keycloak: the production realm file as it is (imported under
 * another name) and the demo realm built from it. Users sign in through Keycloak's own forms.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false)
class IdentityAssuranceTest {

    private static final String PRODUCTION = KeycloakAdmin.PRODUCTION_TEST_REALM;
    private static final String PASSWORD = "Correct-Horse-Battery-7";

    @Test
    void noTokenWithoutASecondFactorAndOneWithATotpCode() {
        KeycloakAdmin admin = KeycloakAdmin.connect();
        String user = unique("mfa");
        String userId = admin.createUser(PRODUCTION, user, PASSWORD, List.of("vid-officer"));

        // The password alone leads to the enrolment of a second factor, not to a code.
        KeycloakBrowser browser = KeycloakBrowser.open(PRODUCTION).password(user, PASSWORD);
        assertThat(browser.code()).as("authorisation code after the password alone").isNull();
        assertThat(browser.onTotpEnrolment()).as("TOTP enrolment page, got %s", browser.title()).isTrue();
        String secret = browser.totpSecret();
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);

        // A wrong code enrols nothing.
        browser.enrolTotp(secret, wrong(Totp.now(key)));
        assertThat(browser.code()).isNull();
        assertThat(admin.credentials(PRODUCTION, userId)).extracting(c -> c.get("type")).doesNotContain("otp");

        // The enrolling sign-in proves the code inside Keycloak's required action, which Keycloak
        // does not list in amr: that token says only pwd, and the server will ask for a sign-in
        // with the code (see the next test).
        browser.enrolTotp(secret, Totp.now(key));
        Map<String, Object> claims = KeycloakBrowser.claims((String) browser.tokens().get("access_token"));
        assertThat(claims.get("amr")).asString().contains("pwd").doesNotContain("otp");
        assertThat(claims).containsKey("sid");
        assertThat(admin.credentials(PRODUCTION, userId)).extracting(c -> c.get("type")).contains("otp");

        // Next time: password, then the one-time code.
        KeycloakBrowser again = KeycloakBrowser.open(PRODUCTION).password(user, PASSWORD);
        assertThat(again.code()).isNull();
        assertThat(again.onOneTimeCodeForm()).as("one-time code form, got %s", again.title()).isTrue();
        // The code just used is spent; the realm accepts the next step's (look-ahead window 1).
        again.oneTimeCode(Totp.code(key, System.currentTimeMillis() / 1000 + 30));
        assertThat(KeycloakBrowser.claims((String) again.tokens().get("access_token")).get("amr")).asString()
                .contains("otp");

        // A lost factor is reset by an administrator, and Keycloak records it among its admin events.
        String otp = admin.credentials(PRODUCTION, userId).stream().filter(c -> "otp".equals(c.get("type")))
                .map(c -> (String) c.get("id")).findFirst().orElseThrow();
        admin.removeCredential(PRODUCTION, userId, otp);
        assertThat(admin.adminEvents(PRODUCTION)).anySatisfy(event -> {
            assertThat(event.get("operationType")).isIn("DELETE", "ACTION");
            assertThat((String) event.get("resourcePath")).contains(userId).contains(otp);
            assertThat(String.valueOf(event.get("details"))).contains("otp");
        });
        assertThat(KeycloakBrowser.open(PRODUCTION).password(user, PASSWORD).onTotpEnrolment()).isTrue();
        // Login events are kept too.
        assertThat(admin.loginEvents(PRODUCTION, userId)).extracting(e -> e.get("type")).contains("LOGIN", "CODE_TO_TOKEN");
    }

    @Test
    void theServerAcceptsATokenThatPassedTheSecondFactorAndRecordsTheLogin() throws InterruptedException {
        KeycloakAdmin admin = KeycloakAdmin.connect();
        String user = unique("mfa-server");
        admin.createUser("vid", user, PASSWORD, List.of("vid-officer"));
        KeycloakBrowser browser = KeycloakBrowser.open("vid").password(user, PASSWORD);
        assertThat(browser.onTotpEnrolment()).as("the demo realm asks for a second factor like production: %s",
                browser.title()).isTrue();
        String secret = browser.totpSecret();
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        browser.enrolTotp(secret, Totp.now(key));
        String enrolling = (String) browser.tokens().get("access_token");

        // The token of the enrolling sign-in names no second factor: the server asks for a fresh
        // sign-in (RFC 9470 step-up, max_age=0). In the same browser, the Keycloak session alone
        // would only repeat the same answer; with max_age=0 the user signs in with the code.
        given().auth().oauth2(enrolling).accept("application/json").get("/api/cases").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"insufficient_user_authentication\""))
                .header("WWW-Authenticate", containsString("max_age=\"0\""));
        browser.authorise(null);
        assertThat(KeycloakBrowser.claims((String) browser.tokens().get("access_token")).get("amr")).asString()
                .doesNotContain("otp");
        // max_age counts whole seconds since the sign-in: a moment later, 0 means now.
        Thread.sleep(1_500);
        browser.authorise(0);
        assertThat(browser.onPasswordForm()).as("a fresh sign-in, got %s", browser.title()).isTrue();
        browser.password(user, PASSWORD);
        assertThat(browser.onOneTimeCodeForm()).as("one-time code form, got %s", browser.title()).isTrue();
        browser.oneTimeCode(Totp.code(key, System.currentTimeMillis() / 1000 + 30));
        String token = (String) browser.tokens().get("access_token");
        assertThat(KeycloakBrowser.claims(token).get("amr")).asString().contains("otp");
        String sid = (String) KeycloakBrowser.claims(token).get("sid");

        String reference = "MFA-" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = given().auth().oauth2(token).contentType("application/json").accept("application/json")
                .body(Map.of("reference", reference, "title", "signed in with a second factor"))
                .post("/api/cases").then().statusCode(201).extract().path("id");

        List<Map<String, Object>> events = Api.as("auditor").get("/api/audit/events?caseId=" + caseId
                + "&action=case.create").then().statusCode(200).extract().jsonPath().getList("");
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("actor", user).containsEntry("sessionId", sid);
            assertThat((String) event.get("authentication")).contains("amr=pwd,otp");
        });
        Api.as("auditor").get("/api/audit/verification").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void theServerRefusesAUserTokenWithoutASecondFactor() {
        KeycloakAdmin admin = KeycloakAdmin.connect();
        String user = unique("pwd-only");
        admin.createUser("vid", user, PASSWORD, List.of("vid-officer"));
        admin.createPasswordGrantClient("vid", "vidcase-test-password-only");
        String token = given().formParams(Map.of("grant_type", "password", "client_id", "vidcase-test-password-only",
                        "username", user, "password", PASSWORD))
                .post(admin.realmUrl("vid") + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        assertThat(KeycloakBrowser.claims(token).get("amr")).asString().doesNotContain("otp").doesNotContain("hwk");

        given().auth().oauth2(token).accept("application/json").get("/api/cases").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("error=\"insufficient_user_authentication\""))
                .body("detail", containsString("second factor"));
        // The peer node's service account is exempt by its client, not by its lack of a user.
        given().auth().oauth2(org.vidcase.testsupport.Tokens.hubNode()).accept("application/json").get("/api/cases")
                .then().statusCode(403);
    }

    @Test
    void passwordsThatBreakThePolicyAreRefused() {
        KeycloakAdmin admin = KeycloakAdmin.connect();
        String user = unique("policy");
        String userId = admin.createUser(PRODUCTION, user, PASSWORD, List.of());

        // No client of the production realm has a password grant, not even Keycloak's own admin-cli.
        given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", user,
                        "password", PASSWORD))
                .post(admin.realmUrl(PRODUCTION) + "/protocol/openid-connect/token").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(401)))
                .body(org.hamcrest.Matchers.not(containsString("access_token")));

        assertThat(refusal(admin, userId, "Short-pw-1")).contains("invalidPasswordMinLength");
        assertThat(refusal(admin, userId, user)).contains("invalidPasswordNotUsername");
        assertThat(refusal(admin, userId, user + "@test.vidcase.example")).contains("invalidPasswordNotEmail");
        assertThat(refusal(admin, userId, "1qaz2wsx3edc")).contains("invalidPasswordBlacklisted");
        assertThat(refusal(admin, userId, "QWERTYUIOPASDFGH")).as("the list is compared case-insensitively")
                .contains("invalidPasswordBlacklisted");
        admin.resetPassword(PRODUCTION, userId, "Second-Horse-Battery-8").then().statusCode(204);
        assertThat(refusal(admin, userId, PASSWORD)).as("one of the last five").contains("invalidPasswordHistory");
        admin.resetPassword(PRODUCTION, userId, "Third-Horse-Battery-9").then().statusCode(204);
    }

    @Test
    void repeatedFailuresLockTheAccount() throws InterruptedException {
        KeycloakAdmin admin = KeycloakAdmin.connect();
        String user = unique("lockout");
        String userId = admin.createUser(PRODUCTION, user, PASSWORD, List.of("vid-officer"));

        // Failures more than a second apart, so that the quick-login check does not lock first: the
        // fifth failure locks, the fourth does not.
        KeycloakBrowser browser = KeycloakBrowser.open(PRODUCTION);
        for (int attempt = 1; attempt <= 5; attempt++) {
            Thread.sleep(1_100);
            browser.password(user, "Wrong-Password-" + attempt);
            assertThat(browser.onPasswordForm()).isTrue();
            assertThat(admin.bruteForceStatus(PRODUCTION, userId)).as("after %s failures", attempt)
                    .containsEntry("numFailures", attempt).containsEntry("disabled", attempt >= 5);
        }
        // Even the right password gets no further while the account is locked.
        KeycloakBrowser locked = KeycloakBrowser.open(PRODUCTION).password(user, PASSWORD);
        assertThat(locked.onTotpEnrolment()).isFalse();
        assertThat(locked.code()).isNull();
    }

    private static String refusal(KeycloakAdmin admin, String userId, String password) {
        return admin.resetPassword(PRODUCTION, userId, password).then().statusCode(400).extract().asString();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
