package org.vidcase.matching.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What the exchange hub says of a matched entry of the HUB subscription: its trust grade, the
 * category the countries agree on, how many countries submitted it and agree, in how many countries
 * its series is known, and the flags, with a sentence for the officer.
 *
 * @param withdrawn the hub withdrew the entry (revoked by its submitters): the match no longer counts
 */
public record InternationalView(String trust, String category, int submissions, int agreeing, int seriesCountries,
                                Boolean victimIdentified, Boolean offenderIdentified, Boolean baseline,
                                boolean withdrawn, String summary) {

    public static InternationalView of(String trust, String category, int submissions, int agreeing,
                                       int seriesCountries, Boolean victim, Boolean offender, Boolean baseline,
                                       boolean withdrawn) {
        List<String> parts = new ArrayList<>();
        parts.add(trust.toLowerCase(java.util.Locale.ROOT) + " (" + agreeing + (agreeing == 1 ? " country agrees" : " countries agree")
                + ", " + submissions + (submissions == 1 ? " submission" : " independent submissions") + ")");
        if (category != null) {
            parts.add("category " + category);
        }
        if (seriesCountries > 1) {
            parts.add("series linked in " + seriesCountries + " countries");
        } else if (seriesCountries == 1) {
            parts.add("series known in 1 country");
        }
        if (Boolean.TRUE.equals(victim)) {
            parts.add("victim identified");
        }
        if (Boolean.TRUE.equals(offender)) {
            parts.add("offender identified");
        }
        if (Boolean.TRUE.equals(baseline)) {
            parts.add("baseline");
        }
        String summary = (withdrawn ? "withdrawn by the hub; was known internationally: " : "known internationally: ")
                + String.join(", ", parts);
        return new InternationalView(trust, category, submissions, agreeing, seriesCountries, victim, offender, baseline,
                withdrawn, summary);
    }
}
