package org.vidcase.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What a load run does.
 *
 * @param replicas       the servers, each request going to the next one (round robin)
 * @param tokenEndpoint  the realm's token endpoint
 * @param officers       virtual officers working at once, each in a case and exhibit of its own
 * @param duration       how long they work; requests under way at the end are finished and counted
 * @param seed           makes the pictures, the officers' choices and the exports reproducible
 * @param hashSetEntries size of the reference hash set a supervisor imports meanwhile
 * @param thinkTime      pause between an officer's requests (none: the run measures capacity)
 * @param scenes         scenes in the picture pool (two pictures each)
 * @param baselineRounds requests of each type on the idle server before the load
 */
public record LoadSettings(List<Replica> replicas, URI tokenEndpoint, int officers, Duration duration, long seed,
                           int hashSetEntries, Duration thinkTime, int scenes, int baselineRounds) {

    /** The demo accounts the virtual officers sign in as, in turn. */
    static final List<String> ACCOUNTS = List.of("officer", "officer2", "investigator", "supervisor");

    public LoadSettings {
        replicas = List.copyOf(replicas);
        if (replicas.isEmpty() || officers < 1 || duration.isNegative() || duration.isZero() || hashSetEntries < 1
                || scenes < 1 || baselineRounds < 1) {
            throw new IllegalArgumentException("a load needs a replica, an officer, a duration, hash-set entries, "
                    + "scenes and baseline rounds");
        }
    }

    /** Defaults for everything but where to send the load, how much of it, and the seed. */
    public static LoadSettings of(List<Replica> replicas, URI tokenEndpoint, int officers, Duration duration, long seed) {
        return new LoadSettings(replicas, tokenEndpoint, officers, duration, seed, 5_000, Duration.ZERO, 32, 5);
    }

    public LoadSettings withThinkTime(Duration pause) {
        return new LoadSettings(replicas, tokenEndpoint, officers, duration, seed, hashSetEntries, pause, scenes,
                baselineRounds);
    }

    public LoadSettings withHashSetEntries(int entries) {
        return new LoadSettings(replicas, tokenEndpoint, officers, duration, seed, entries, thinkTime, scenes,
                baselineRounds);
    }

    /** A smaller picture pool and fewer idle requests per type: for the bounded form in the test suite. */
    public LoadSettings withBaseline(int scenes, int baselineRounds) {
        return new LoadSettings(replicas, tokenEndpoint, officers, duration, seed, hashSetEntries, thinkTime, scenes,
                baselineRounds);
    }

    static String account(int officer) {
        return ACCOUNTS.get(officer % ACCOUNTS.size());
    }

    /** A server the load is sent to, by the name the report uses. */
    public record Replica(String name, URI baseUrl) {
    }
}
