package org.vidcase.lead.api;

import java.time.Instant;

/**
 * A lead's priority: the factors set, the score they give, an investigator's override with its
 * reason, the score that counts and its band.
 */
public record PriorityView(boolean ongoingAbuse, boolean recentProduction, boolean youngAge, boolean newSeries,
                           boolean inCountry, int factorScore, Override override, int score, String band) {

    /** An investigator's own score. */
    public record Override(int score, String reason, String by, Instant at) {
    }
}
