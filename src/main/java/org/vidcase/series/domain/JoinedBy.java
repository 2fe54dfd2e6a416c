package org.vidcase.series.domain;

/**
 * How a member came to the series: suggested by clustering, added by an officer, or by its
 * series name (an officer's categorisation, an imported export or a reference hash set named it).
 */
public enum JoinedBy { CLUSTERING, OFFICER, NAME }
