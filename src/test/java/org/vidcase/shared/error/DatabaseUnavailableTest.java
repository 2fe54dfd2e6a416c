package org.vidcase.shared.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aConnectionEndedByARestartIsFoundAmongCausesAndSuppressedExceptions() {
        SQLException shutdown = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        RuntimeException commit = new RuntimeException("Could not commit transaction");
        commit.addSuppressed(new IllegalStateException("XA commit failed", shutdown));

        assertThat(DatabaseUnavailable.causedBy(new RuntimeException("Error invoking subclass method", commit))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void otherFailuresAreNotMistakenForAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.addSuppressed(second);
        assertThat(DatabaseUnavailable.causedBy(second)).isFalse();
        assertThat(DatabaseUnavailable.causedBy(null)).isFalse();
    }

    @Test
    void aDeadlockOrSerializationFailureIsATransientRollbackNotAnOutage() {
        SQLException deadlock = new SQLException("ERROR: deadlock detected", "40P01");
        RuntimeException commit = new RuntimeException("Could not commit transaction");
        commit.addSuppressed(deadlock);
        assertThat(DatabaseUnavailable.rolledBackByAnotherTransaction(new RuntimeException("wrapped", commit))).isTrue();
        assertThat(DatabaseUnavailable.rolledBackByAnotherTransaction(new SQLException("could not serialize", "40001")))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(deadlock)).isFalse();
        assertThat(DatabaseUnavailable.rolledBackByAnotherTransaction(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.rolledBackByAnotherTransaction(null)).isFalse();
    }
}
