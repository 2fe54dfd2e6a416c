package org.vidcase.shared.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The login a request's token came from: the realm session ({@code sid}), the client it was
 * issued to ({@code azp}), and how the user authenticated: {@code acr} and the methods in
 * {@code amr} ({@code pwd}, {@code otp}, {@code hwk}).
 */
public record Login(String sessionId, String client, String acr, List<String> amr) {

    public static Optional<Login> of(Object principal) {
        if (!(principal instanceof JsonWebToken jwt)) {
            return Optional.empty();
        }
        return Optional.of(new Login(text(jwt.getClaim("sid")), text(jwt.getClaim("azp")), text(jwt.getClaim("acr")),
                strings(jwt.getClaim("amr"))));
    }

    /** For the audit trail: {@code acr=1 amr=pwd,otp}, or null when the token says neither. */
    public String authentication() {
        if (acr == null && amr.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        if (acr != null) {
            text.append("acr=").append(acr);
        }
        if (!amr.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append("amr=").append(String.join(",", amr));
        }
        return text.toString();
    }

    private static String text(Object claim) {
        if (claim == null) {
            return null;
        }
        if (claim instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return claim.toString();
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof jakarta.json.JsonArray array) {
            return array.stream().map(v -> v instanceof jakarta.json.JsonString s ? s.getString() : v.toString()).toList();
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Login::text).toList();
        }
        if (claim != null) {
            return List.of(text(claim));
        }
        return List.of();
    }
}
