package org.vidcase.hub.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hub's trust grade, after the UK CAID model: an entry is trusted once {@code threshold}
 * countries agree on its category (their people's submissions, and feedback agreeing with the
 * hub), and none contradicts it. Each country counts once, with its latest opinion. A contradiction
 * is a conflict for the hub's reviewers; a reviewer's decision settles the category until a country
 * contradicts it afresh.
 */
public final class TrustRules {

    /** A hub reviewer's decision on a conflict. */
    public record Resolution(String category, Instant at) {
    }

    private final int threshold;

    public TrustRules(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the trust threshold is at least 1 country");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /**
     * @param opinions   every live opinion on the entry (revoked submissions left out), any order
     * @param resolution the reviewer's latest decision, or null
     */
    public TrustGrade grade(List<Opinion> opinions, Resolution resolution) {
        Map<String, Opinion> latest = latestPerCountry(opinions);
        Set<String> submitters = new HashSet<>();
        for (Opinion o : opinions) {
            if (o.source() == Opinion.Source.SUBMISSION) {
                submitters.add(o.country());
            }
        }
        if (resolution != null) {
            List<String> dissent = new ArrayList<>();
            for (Opinion o : latest.values()) {
                if (o.at().isAfter(resolution.at()) && o.contradicts(resolution.category())) {
                    dissent.add(o.country());
                }
            }
            int agreeing = agreeing(latest, resolution.category());
            TrustGrade.Status status = !dissent.isEmpty() ? TrustGrade.Status.CONFLICT
                    : agreeing >= threshold ? TrustGrade.Status.TRUSTED : TrustGrade.Status.CANDIDATE;
            return new TrustGrade(status, resolution.category(), submitters.size(), agreeing, sorted(dissent), true);
        }
        Map<String, Integer> votes = new TreeMap<>();
        for (Opinion o : latest.values()) {
            if (o.category() != null) {
                votes.merge(o.category(), 1, Integer::sum);
            }
        }
        String leading = votes.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
        if (leading == null) {
            // Only disputes are left (every submission withdrawn): nothing to agree on.
            return new TrustGrade(TrustGrade.Status.CANDIDATE, null, submitters.size(), 0, List.of(), false);
        }
        List<String> dissent = new ArrayList<>();
        for (Opinion o : latest.values()) {
            if (o.contradicts(leading)) {
                dissent.add(o.country());
            }
        }
        int agreeing = votes.get(leading);
        TrustGrade.Status status = !dissent.isEmpty() ? TrustGrade.Status.CONFLICT
                : agreeing >= threshold ? TrustGrade.Status.TRUSTED : TrustGrade.Status.CANDIDATE;
        return new TrustGrade(status, leading, submitters.size(), agreeing, sorted(dissent), false);
    }

    private static Map<String, Opinion> latestPerCountry(List<Opinion> opinions) {
        Map<String, Opinion> latest = new LinkedHashMap<>();
        for (Opinion o : opinions) {
            Opinion seen = latest.get(o.country());
            if (seen == null || o.at().isAfter(seen.at())
                    || (o.at().equals(seen.at()) && o.source() == Opinion.Source.FEEDBACK)) {
                latest.put(o.country(), o);
            }
        }
        return latest;
    }

    private static int agreeing(Map<String, Opinion> latest, String category) {
        int n = 0;
        for (Opinion o : latest.values()) {
            if (category.equals(o.category())) {
                n++;
            }
        }
        return n;
    }

    private static List<String> sorted(List<String> countries) {
        List<String> copy = new ArrayList<>(countries);
        copy.sort(null);
        return copy;
    }
}
