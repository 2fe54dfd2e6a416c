package org.vidcase.hub.trust;

import java.util.List;

/**
 * How far the countries agree on an entry.
 *
 * @param category             the category it carries: the one agreed on, a reviewer's, or, in conflict, the
 *                             one most countries give (ties to the lowest code)
 * @param submittingCountries  independent submissions: distinct countries whose people categorised it
 * @param agreeingCountries    distinct countries whose current opinion is {@code category} (submissions and
 *                             agreeing feedback)
 * @param dissentingCountries  countries whose current opinion contradicts {@code category}
 * @param reviewed             whether a hub reviewer decided the category
 */
public record TrustGrade(Status status, String category, int submittingCountries, int agreeingCountries,
                         List<String> dissentingCountries, boolean reviewed) {

    /** CANDIDATE: fewer countries agree than the threshold; TRUSTED: enough agree and none contradicts. */
    public enum Status { CANDIDATE, TRUSTED, CONFLICT }
}
