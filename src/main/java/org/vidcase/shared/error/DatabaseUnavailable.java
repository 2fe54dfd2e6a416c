package org.vidcase.shared.error;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached or went away under the request (a
 * restart, a fail-over, an exhausted pool): the transaction was rolled back and the caller may try
 * again, so it is answered 503, not 500.
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    /** Looks through causes and suppressed exceptions: a failed commit hides its reason among the latter. */
    public static boolean causedBy(Throwable failure) {
        return anyCause(failure, t -> t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof java.net.ConnectException
                || t instanceof SQLException sql && connectionState(sql.getSQLState())
                || t.getMessage() != null && t.getMessage().contains("Acquisition timeout while waiting for new connection"));
    }

    /**
     * Whether the database rolled the transaction back because it met another one: a deadlock
     * (40P01) or a serialization failure (40001). Nothing of it was kept; the same request may
     * simply be sent again.
     */
    public static boolean rolledBackByAnotherTransaction(Throwable failure) {
        return anyCause(failure, t -> t instanceof SQLException sql
                && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState())));
    }

    private static boolean anyCause(Throwable failure, java.util.function.Predicate<Throwable> test) {
        java.util.Deque<Throwable> pending = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(java.util.List.of(t.getSuppressed()));
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and the operator interventions of a shutting-down or
     * starting server: 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now.
     */
    static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }
}
