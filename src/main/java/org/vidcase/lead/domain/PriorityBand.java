package org.vidcase.lead.domain;

/** A lead's priority band, from its effective score and the configured thresholds. */
public enum PriorityBand { HIGH, MEDIUM, LOW }
