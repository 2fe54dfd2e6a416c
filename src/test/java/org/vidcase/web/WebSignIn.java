package org.vidcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vidcase.localstack.KeycloakAdmin;
import org.vidcase.testsupport.Totp;

/**
 * Signs a demo user in through the UI and Keycloak's own pages, as a person would: password,
 * then at the first sign-in the enrolment of an authenticator (the TOTP secret read from the
 * enrolment page, the codes computed as an authenticator app does), then, because the enrolling
 * sign-in's token names no second factor, the server's step-up challenge: password and a one-time
 * code. Nothing is bypassed through Keycloak's admin API.
 */
final class WebSignIn {

    /** Each demo user's authenticator for this test run (Keycloak's data is new each run). */
    private static final Map<String, Authenticator> AUTHENTICATORS = new ConcurrentHashMap<>();

    /** Keycloak's admin API: the suite's stack, or the one a failsafe IT runs itself ({@link #useAdmin}). */
    private static java.util.function.Supplier<KeycloakAdmin> admin = KeycloakAdmin::connect;

    private WebSignIn() {
    }

    /** For tests that run the stack themselves (failsafe ITs): how to reach Keycloak's admin API. */
    static void useAdmin(java.util.function.Supplier<KeycloakAdmin> connect) {
        admin = connect;
    }

    /** Opens the UI at {@code route} and signs {@code username} in; ends on the route with the user's name shown. */
    static void as(Browser browser, String base, String username, String route) {
        // While the user has an authenticator from this sign-in, the demo's password grant cannot
        // sign them in: a token fetched now serves the test's API calls as this user until sign-out.
        if (!AUTHENTICATORS.containsKey(username)) {
            org.vidcase.testsupport.Tokens.forget(username);
            org.vidcase.testsupport.Tokens.of(username);
        }
        // A fresh page without any session (cookies are per host, so Keycloak's go too): a hash
        // change alone would keep the page, and whoever was signed in, as they were.
        browser.open(base + WebUiRoutes.CONFIG_PATH);
        browser.driver.manage().deleteAllCookies();
        browser.open(base + "/#" + route);
        completeSignIn(browser, username);
    }

    /**
     * Signs out through the UI, then resets the user's authenticator as an administrator does
     * for a lost phone: the demo users are left as the rest of the suite expects them (the demo's
     * password grant asks for a one-time code from a user who has one).
     */
    static void signOut(Browser browser, String username) {
        browser.click(By.id("sign-out"));
        browser.waitForText(By.id("main"), "You are signed out.");
        forget(username);
    }

    /** Removes the authenticators this run enrolled, whatever state a failed test left. */
    static void forgetAll() {
        List.copyOf(AUTHENTICATORS.keySet()).forEach(WebSignIn::forget);
    }

    private static void forget(String username) {
        if (AUTHENTICATORS.remove(username) == null) {
            return;
        }
        KeycloakAdmin keycloak = admin.get();
        String userId = keycloak.userId("vid", username);
        keycloak.credentials("vid", userId).stream().filter(c -> "otp".equals(c.get("type")))
                .forEach(c -> keycloak.removeCredential("vid", userId, (String) c.get("id")));
    }

    /** Answers Keycloak's pages until the UI shows the user (at most one sign-in and one step-up). */
    static void completeSignIn(Browser browser, String username) {
        for (int step = 0; step < 8; step++) {
            Page page = await(browser);
            switch (page) {
                case SIGNED_IN -> {
                    assertThat(browser.find(By.id("user-name")).getText()).isNotBlank();
                    return;
                }
                case PASSWORD -> password(browser, username);
                case ENROL_TOTP -> enrol(browser, username);
                case ONE_TIME_CODE -> oneTimeCode(browser, username);
                case SIGNED_OUT -> browser.click(By.xpath("//button[normalize-space()='Sign in']"));
            }
        }
        throw new AssertionError("Not signed in after 8 pages; at " + browser.driver.getCurrentUrl());
    }

    enum Page { SIGNED_IN, PASSWORD, ENROL_TOTP, ONE_TIME_CODE, SIGNED_OUT }

    private static Page await(Browser browser) {
        Page[] seen = new Page[1];
        new WebDriverWait(browser.driver, Duration.ofSeconds(40)).withMessage(() -> "no sign-in page or signed-in UI at "
                + browser.driver.getCurrentUrl()).until(d -> {
                    seen[0] = current(browser);
                    return seen[0] != null;
                });
        return seen[0];
    }

    private static Page current(Browser browser) {
        var d = browser.driver;
        if (!d.findElements(By.cssSelector("#user-name")).isEmpty()
                && !d.findElement(By.id("user-name")).getText().isBlank()) {
            return Page.SIGNED_IN;
        }
        if (!d.findElements(By.name("totpSecret")).isEmpty()) {
            return Page.ENROL_TOTP;
        }
        if (!d.findElements(By.name("otp")).isEmpty()) {
            return Page.ONE_TIME_CODE;
        }
        if (!d.findElements(By.name("password")).isEmpty()) {
            return Page.PASSWORD;
        }
        if (!d.findElements(By.cssSelector(".sign-in button")).isEmpty()) {
            return Page.SIGNED_OUT;
        }
        return null;
    }

    private static void password(Browser browser, String username) {
        List<WebElement> name = browser.driver.findElements(By.name("username"));
        if (!name.isEmpty() && name.get(0).isDisplayed() && name.get(0).isEnabled()) {
            name.get(0).clear();
            name.get(0).sendKeys(username);
        }
        WebElement password = browser.find(By.name("password"));
        password.sendKeys(username + "-demo");
        submit(browser, password);
    }

    private static void enrol(Browser browser, String username) {
        String secret = browser.driver.findElement(By.name("totpSecret")).getDomProperty("value");
        Authenticator device = new Authenticator(secret.getBytes(StandardCharsets.UTF_8));
        AUTHENTICATORS.put(username, device);
        WebElement code = browser.find(By.name("totp"));
        code.sendKeys(device.nextCode());
        List<WebElement> label = browser.driver.findElements(By.name("userLabel"));
        if (!label.isEmpty()) {
            label.get(0).sendKeys("browser test authenticator");
        }
        submit(browser, code);
    }

    private static void oneTimeCode(Browser browser, String username) {
        Authenticator device = AUTHENTICATORS.get(username);
        if (device == null) {
            throw new AssertionError(username + " has a second factor this test run did not enrol");
        }
        WebElement otp = browser.find(By.name("otp"));
        otp.sendKeys(device.nextCode());
        submit(browser, otp);
    }

    private static void submit(Browser browser, WebElement field) {
        WebElement form = field.findElement(By.xpath("ancestor::form"));
        List<WebElement> buttons = form.findElements(By.cssSelector("input[type=submit], button[type=submit]"));
        if (buttons.isEmpty()) {
            form.submit();
        } else {
            buttons.get(0).click();
        }
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> {
            try {
                field.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    /**
     * An authenticator app: codes of the current 30-second step, never one twice (the realm refuses
     * a used code); the next step's code is accepted too (look-ahead window 1), after that it waits.
     */
    static final class Authenticator {
        private final byte[] key;
        private long lastStep;

        Authenticator(byte[] key) {
            this.key = key;
        }

        synchronized String nextCode() {
            for (;;) {
                long now = System.currentTimeMillis() / 1000 / 30;
                long step = Math.max(now, lastStep + 1);
                if (step <= now + 1) {
                    lastStep = step;
                    return Totp.code(key, step * 30);
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
