package org.vidcase.hub.trust;

import java.time.Instant;

/**
 * What one country currently says about an entry: a category its people gave ({@code category}),
 * or, from feedback that disagrees without proposing another, only the category it disputes.
 *
 * @param source a submission counts as an independent submission; feedback only as agreement or dissent
 */
public record Opinion(String country, String category, String disputes, Source source, Instant at) {

    /** Where the opinion came from. */
    public enum Source { SUBMISSION, FEEDBACK }

    public static Opinion submitted(String country, String category, Instant at) {
        return new Opinion(country, category, null, Source.SUBMISSION, at);
    }

    public static Opinion agreed(String country, String category, Instant at) {
        return new Opinion(country, category, null, Source.FEEDBACK, at);
    }

    /** Feedback that disagrees with {@code disputed}, proposing {@code proposed} (null: proposes nothing). */
    public static Opinion disagreed(String country, String disputed, String proposed, Instant at) {
        return new Opinion(country, proposed, disputed, Source.FEEDBACK, at);
    }

    /** Whether this opinion contradicts the category: another category, or a dispute of this one. */
    boolean contradicts(String category) {
        return (this.category != null && !this.category.equals(category)) || category.equals(disputes);
    }
}
