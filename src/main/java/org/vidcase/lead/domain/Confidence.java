package org.vidcase.lead.domain;

/** How sure the investigator who added a clue is of it. */
public enum Confidence { LOW, MEDIUM, HIGH }
