package org.vidcase.shared.error;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.vidcase.shared.request.RequestInfo;

/** How failures that reach no dedicated mapper are answered. */
class ProblemMappersTest {

    private final ProblemMappers mappers = mappers();

    @Test
    void aUniqueKeyTakenConcurrentlyAndReportedAtCommitIs409() {
        var violation = new org.hibernate.exception.ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), "series_member_one_series_idx");
        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(violation);
        Response response = mappers.unexpected(new RuntimeException(atCommit));
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((Problem) response.getEntity()).detail()).contains("changed concurrently");
    }

    @Test
    void anythingElseIs500WithoutInternals() {
        Response response = mappers.unexpected(new IllegalStateException("org.vidcase.secret.Thing broke"));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(((Problem) response.getEntity()).detail()).doesNotContain("org.vidcase");
    }

    private static ProblemMappers mappers() {
        ProblemMappers m = new ProblemMappers();
        m.request = new RequestInfo() {
            @Override
            public String requestId() {
                return "test-request";
            }

            @Override
            public String path() {
                return "/api/test";
            }
        };
        return m;
    }
}
