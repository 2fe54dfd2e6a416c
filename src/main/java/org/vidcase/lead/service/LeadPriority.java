package org.vidcase.lead.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.vidcase.lead.domain.Lead;

/**
 * A lead's score: the sum of the configured weights of the factors set, capped at 100; an
 * override counts instead. Bands: HIGH at or above {@code bands.high}, MEDIUM at or above
 * {@code bands.medium}, LOW below.
 */
@ApplicationScoped
public class LeadPriority {

    private final LeadConfig config;

    public LeadPriority(LeadConfig config) {
        this.config = config;
    }

    public short score(Lead lead) {
        LeadConfig.Weights w = config.weights();
        int sum = (lead.ongoingAbuse ? w.ongoingAbuse() : 0) + (lead.recentProduction ? w.recentProduction() : 0)
                + (lead.youngAge ? w.youngAge() : 0) + (lead.newSeries ? w.newSeries() : 0)
                + (lead.inCountry ? w.inCountry() : 0);
        return (short) Math.max(0, Math.min(100, sum));
    }

    public String band(int score) {
        return score >= config.bands().high() ? "HIGH" : score >= config.bands().medium() ? "MEDIUM" : "LOW";
    }

    /** The SQL expression of the band of a lead row aliased {@code l}. */
    public String bandSql() {
        String score = "coalesce(l.score_override, l.score)";
        return "CASE WHEN " + score + " >= " + config.bands().high() + " THEN 'HIGH' WHEN " + score + " >= "
                + config.bands().medium() + " THEN 'MEDIUM' ELSE 'LOW' END";
    }
}
