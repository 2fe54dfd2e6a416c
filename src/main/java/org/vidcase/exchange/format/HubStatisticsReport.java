package org.vidcase.exchange.format;

import java.time.Instant;
import java.util.List;

/**
 * The figures the international community asks of the hub, as the hub serves them to its
 * administrators and to the nodes (part of the protocol). No case content exists at the hub:
 * these are counts of hashes, countries, series pseudonyms and the identification counts the
 * countries report.
 *
 * @param identifications      victims and offenders identified per year: the sum of each country's latest
 *                             reported counts (from their identification records)
 * @param identifiedEntries    live entries first submitted in a year whose victim (offender) is flagged identified
 * @param crossBorderSeries    series groups whose pseudonyms come from two countries or more
 */
public record HubStatisticsReport(Instant at, Totals entries, List<CategoryCount> byCategory, List<CountryCount> byCountry,
                                  List<YearCount> identifications, List<YearCount> identifiedEntries,
                                  CrossBorder crossBorderSeries, List<MonthCount> growth) {

    /** Entries by state. */
    public record Totals(long live, long withdrawn, long trusted, long candidate, long conflict, long baseline) {
    }

    /** Live entries of a category, and how many of them are trusted. */
    public record CategoryCount(String category, long entries, long trusted) {
    }

    /** What a country contributed: live submissions, packages accepted, feedback given. */
    public record CountryCount(String country, long submissions, long packages, long feedback) {
    }

    /** Victims and offenders of a year. */
    public record YearCount(int year, long victims, long offenders) {
    }

    /** Series linked across borders and the live entries in them. */
    public record CrossBorder(long series, long entries) {
    }

    /** Entries first submitted in a month, and the running total. */
    public record MonthCount(String month, long newEntries, long total) {
    }
}
