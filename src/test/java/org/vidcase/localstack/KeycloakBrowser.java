package org.vidcase.localstack;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in to the real Keycloak of the local stack as a browser would: authorisation code with
 * PKCE through the public client {@code vidcase-web}, filling in Keycloak's own forms (password,
 * TOTP enrolment, one-time code). No form is bypassed through the admin API.
 */
public final class KeycloakBrowser {

    public static final String REDIRECT = "http://localhost:8080/q/swagger-ui/oauth2-redirect.html";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"");
    private static final Pattern TOTP_SECRET = Pattern.compile("<input[^>]*name=\"totpSecret\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final String realmUrl;
    /** Keycloak's cookies (Secure, SameSite=None), sent back as a browser does to http://localhost. */
    private final Map<String, String> cookies = new java.util.LinkedHashMap<>();
    private String verifier;
    private String page;
    private Response last;

    private KeycloakBrowser(String realm) {
        this.realmUrl = LocalStackTestResource.running().keycloakUrl() + "/realms/" + realm;
    }

    /** Opens the realm's sign-in page for {@code vidcase-web}. */
    public static KeycloakBrowser open(String realm) {
        return new KeycloakBrowser(realm).authorise(null);
    }

    /**
     * A new authorisation request in the same browser, with its Keycloak session cookie: without
     * {@code maxAge} the session signs the user in silently; {@code maxAge} 0 asks for a fresh
     * sign-in, as the server's {@code insufficient_user_authentication} challenge requests.
     */
    public KeycloakBrowser authorise(Integer maxAge) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        var request = given().redirects().follow(false)
                .queryParam("client_id", "vidcase-web").queryParam("response_type", "code")
                .queryParam("scope", "openid").queryParam("redirect_uri", REDIRECT)
                .queryParam("code_challenge_method", "S256").queryParam("code_challenge", challenge(verifier));
        if (maxAge != null) {
            request = request.queryParam("max_age", maxAge);
        }
        if (!cookies.isEmpty()) {
            request = request.cookies(cookies);
        }
        last = request.get(realmUrl + "/protocol/openid-connect/auth");
        keepCookies();
        followWithinKeycloak();
        page = last.asString();
        return this;
    }

    public KeycloakBrowser password(String username, String password) {
        return submit(Map.of("username", username, "password", password, "credentialId", ""));
    }

    /** The TOTP enrolment page's secret, as Keycloak keeps it (the key is its UTF-8 bytes). */
    public String totpSecret() {
        Matcher input = TOTP_SECRET.matcher(page);
        if (!input.find()) {
            throw new AssertionError("not the TOTP enrolment page: " + title());
        }
        Matcher value = VALUE.matcher(input.group());
        if (!value.find()) {
            throw new AssertionError("TOTP secret without a value");
        }
        return unescape(value.group(1));
    }

    public KeycloakBrowser enrolTotp(String secret, String code) {
        return submit(Map.of("totpSecret", secret, "totp", code, "userLabel", "test authenticator"));
    }

    public KeycloakBrowser oneTimeCode(String code) {
        return submit(Map.of("otp", code));
    }

    public boolean onTotpEnrolment() {
        return TOTP_SECRET.matcher(page).find();
    }

    public boolean onOneTimeCodeForm() {
        return page.contains("name=\"otp\"");
    }

    public boolean onPasswordForm() {
        return page.contains("name=\"password\"");
    }

    public String page() {
        return page;
    }

    /** The authorisation code, once Keycloak has redirected back to the client; null before. */
    public String code() {
        if (last.statusCode() != 302) {
            return null;
        }
        String location = last.header("Location");
        if (location == null || !location.startsWith(REDIRECT)) {
            return null;
        }
        for (String part : URI.create(location).getRawQuery().split("&")) {
            if (part.startsWith("code=")) {
                return java.net.URLDecoder.decode(part.substring(5), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Exchanges the code for tokens at the realm's token endpoint. */
    public Map<String, Object> tokens() {
        String code = code();
        if (code == null) {
            throw new AssertionError("no authorisation code: Keycloak shows " + title());
        }
        return given().formParams(Map.of("grant_type", "authorization_code", "client_id", "vidcase-web", "code", code,
                        "redirect_uri", REDIRECT, "code_verifier", verifier))
                .post(realmUrl + "/protocol/openid-connect/token").then().statusCode(200).extract().jsonPath().getMap("");
    }

    public String title() {
        Matcher m = Pattern.compile("<title>([^<]*)</title>").matcher(page == null ? "" : page);
        String title = m.find() ? m.group(1) : "(no page)";
        Matcher error = Pattern.compile("kc-feedback-text[^>]*>([^<]*)<|class=\"instruction\">([^<]*)<").matcher(page);
        return title + (error.find() ? ": " + (error.group(1) != null ? error.group(1) : error.group(2)).strip() : "")
                + " (HTTP " + last.statusCode() + ")";
    }

    private KeycloakBrowser submit(Map<String, String> fields) {
        Matcher action = FORM_ACTION.matcher(page);
        if (!action.find()) {
            throw new AssertionError("no form on the page: " + title());
        }
        var request = given().redirects().follow(false).contentType(ContentType.URLENC).formParams(fields);
        if (!cookies.isEmpty()) {
            request = request.cookies(cookies);
        }
        last = request.post(unescape(action.group(1)));
        keepCookies();
        followWithinKeycloak();
        page = last.asString();
        return this;
    }

    /** Follows Keycloak's redirects to its own pages (a required action); stops at the client's. */
    private void followWithinKeycloak() {
        for (int hops = 0; hops < 5 && (last.statusCode() == 302 || last.statusCode() == 303); hops++) {
            String location = last.header("Location");
            if (location == null || location.startsWith(REDIRECT)) {
                return;
            }
            var request = given().redirects().follow(false).urlEncodingEnabled(false);
            if (!cookies.isEmpty()) {
                request = request.cookies(cookies);
            }
            last = request.get(location);
            keepCookies();
        }
    }

    private void keepCookies() {
        for (io.restassured.http.Header header : last.headers().getList("Set-Cookie")) {
            String pair = header.getValue().split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            boolean expired = header.getValue().toLowerCase(java.util.Locale.ROOT).contains("max-age=0");
            if (expired || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"").replace("&#x2F;", "/");
    }

    /** The claims of a JWT's payload. */
    public static Map<String, Object> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return io.restassured.path.json.JsonPath.from(payload).getMap("");
    }

    static List<String> formsOf(String page) {
        return FORM_ACTION.matcher(page).results().map(r -> r.group(1)).toList();
    }
}
