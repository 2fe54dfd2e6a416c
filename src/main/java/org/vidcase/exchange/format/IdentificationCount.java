package org.vidcase.exchange.format;

/**
 * How many victims (or offenders) a country identified in a year: counts from its identification
 * records, never an identity. The latest figure a country sends for a kind and year replaces its earlier one.
 */
public record IdentificationCount(Kind kind, int year, int count) {

    /** What was identified. */
    public enum Kind { VICTIM, OFFENDER }
}
