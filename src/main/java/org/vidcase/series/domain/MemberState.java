package org.vidcase.series.domain;

/** Where a member stands: suggested by clustering, confirmed by an officer, or rejected by one. */
public enum MemberState { SUGGESTED, CONFIRMED, REJECTED }
