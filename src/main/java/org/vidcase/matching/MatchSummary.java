package org.vidcase.matching;

/** What one round of matching did: items examined, items now alert or ignorable, match rows added. */
public record MatchSummary(long examined, long alertItems, long ignorableItems, long matches) {

    public static final MatchSummary NONE = new MatchSummary(0, 0, 0, 0);

    public MatchSummary plus(MatchSummary other) {
        return new MatchSummary(examined + other.examined, alertItems + other.alertItems,
                ignorableItems + other.ignorableItems, matches + other.matches);
    }

    public String describe() {
        return examined + " items matched against the reference sets: " + alertItems + " alert, " + ignorableItems
                + " ignorable, " + matches + " new matches";
    }
}
