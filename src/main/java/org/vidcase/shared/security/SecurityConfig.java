package org.vidcase.shared.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/** How strongly callers must have authenticated. */
@ConfigMapping(prefix = "vidcase.security")
public interface SecurityConfig {

    /** Refuse tokens of users who did not pass a second factor (their {@code amr} names none). */
    @WithDefault("true")
    boolean requireMfa();

    /** {@code amr} values that count as a second factor: TOTP, a hardware key, or the generic one. */
    @WithDefault("otp,hwk,mfa")
    Set<String> mfaMethods();

    /**
     * Clients whose service-account tokens need no second factor (a peer node's), which have no
     * user to ask; none when empty.
     */
    Optional<Set<String>> mfaExemptClients();

    /**
     * Demo and test only: password-grant clients whose users' tokens need no second factor (the
     * demo realm's vidcase-cli). Unset in production, where no such client exists.
     */
    Optional<Set<String>> demoPasswordClients();
}
