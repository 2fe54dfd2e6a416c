package org.vidcase.localstack;

/** Restarts the local PostgreSQL under whatever the tests are doing. */
public final class PostgresRestart {

    private PostgresRestart() {
    }

    public static void now() throws Exception {
        LocalStackTestResource.running().restartPostgres();
    }
}
