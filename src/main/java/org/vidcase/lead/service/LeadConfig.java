package org.vidcase.lead.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Lead priority and cross-case clue hits. The score of a lead is the sum of the weights of the
 * factors the investigator set, capped at 100 (docs/data-model.md gives the formula); the bands
 * name it on the dashboard.
 */
@ConfigMapping(prefix = "vidcase.leads")
public interface LeadConfig {

    Weights weights();

    Bands bands();

    /** How close two GPS clues of different cases must be to count as the same place. */
    @WithDefault("250")
    double gpsHitMetres();

    /** How many new cross-case clue hits one user's clues may disclose in 24 hours. */
    @WithDefault("20")
    int clueHitsPerDay();

    interface Weights {
        @WithDefault("40")
        int ongoingAbuse();

        @WithDefault("20")
        int recentProduction();

        @WithDefault("20")
        int youngAge();

        @WithDefault("10")
        int newSeries();

        @WithDefault("10")
        int inCountry();
    }

    interface Bands {
        /** A score at or above this is HIGH. */
        @WithDefault("60")
        int high();

        /** A score at or above this (and below high) is MEDIUM; below it LOW. */
        @WithDefault("30")
        int medium();
    }
}
