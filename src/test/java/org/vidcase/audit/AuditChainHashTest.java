package org.vidcase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.audit.service.AuditChain;

class AuditChainHashTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123456Z");

    private static String hash(String actor, String objectId, String detail, String prev) {
        return AuditChain.hash(7, ID, AT, actor, "case.view", "case", objectId, null, AuditOutcome.SUCCESS, null, "req-1",
                detail, prev);
    }

    @Test
    void isDeterministicAndSensitiveToEveryField() {
        String base = hash("officer", "a", null, AuditChain.GENESIS);
        assertThat(base).hasSize(64).isEqualTo(hash("officer", "a", null, AuditChain.GENESIS));
        assertThat(hash("officer2", "a", null, AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(hash("officer", "a", "", AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(hash("officer", "a", null, "1".repeat(64))).isNotEqualTo(base);
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // Length prefixes keep "ab"+"c" apart from "a"+"bc".
        assertThat(hash("ab", "c", null, AuditChain.GENESIS)).isNotEqualTo(hash("a", "bc", null, AuditChain.GENESIS));
    }
}
