package org.vidcase.series.domain;

/** How a member came to the series. */
public enum JoinedBy { CLUSTERING, OFFICER }
