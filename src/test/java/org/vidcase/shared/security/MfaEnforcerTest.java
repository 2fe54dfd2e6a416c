package org.vidcase.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MfaEnforcerTest {

    private final MfaEnforcer enforcer = new MfaEnforcer(new SecurityConfig() {
        @Override
        public boolean requireMfa() {
            return true;
        }

        @Override
        public Set<String> mfaMethods() {
            return Set.of("otp", "hwk", "mfa");
        }

        @Override
        public java.util.Optional<Set<String>> mfaExemptClients() {
            return java.util.Optional.of(Set.of("vidcase-hub"));
        }

        @Override
        public java.util.Optional<Set<String>> demoPasswordClients() {
            return java.util.Optional.of(Set.of("vidcase-cli"));
        }
    });

    @Test
    void aSecondFactorInAmrPasses() {
        assertThat(enforcer.allowed(new Login("s1", "vidcase-web", "1", List.of("pwd", "otp")), "officer")).isTrue();
        assertThat(enforcer.allowed(new Login("s1", "vidcase-web", "1", List.of("hwk")), "officer")).isTrue();
    }

    @Test
    void aPasswordAloneOrNoAmrIsRefused() {
        assertThat(enforcer.allowed(new Login("s1", "vidcase-web", "1", List.of("pwd")), "officer")).isFalse();
        assertThat(enforcer.allowed(new Login("s1", "vidcase-web", null, List.of()), "officer")).isFalse();
        assertThat(enforcer.allowed(new Login(null, null, null, List.of()), "officer")).isFalse();
    }

    @Test
    void theDemoPasswordClientIsLetThrough() {
        assertThat(enforcer.allowed(new Login("s3", "vidcase-cli", "1", List.of()), "officer")).isTrue();
    }

    @Test
    void onlyTheExemptClientsServiceAccountIsExempt() {
        assertThat(enforcer.allowed(new Login(null, "vidcase-hub", null, List.of()), "service-account-vidcase-hub"))
                .isTrue();
        assertThat(enforcer.allowed(new Login("s2", "vidcase-hub", null, List.of("pwd")), "officer"))
                .as("a person's token issued to the exempt client").isFalse();
        assertThat(enforcer.allowed(new Login(null, "vidcase-web", null, List.of()), "service-account-vidcase-web"))
                .as("a service account of a client that is not exempt").isFalse();
    }
}
