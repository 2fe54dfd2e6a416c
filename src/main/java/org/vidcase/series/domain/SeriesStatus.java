package org.vidcase.series.domain;

/** Whether officers still work on a series. A series merged into another is closed. */
public enum SeriesStatus { ACTIVE, CLOSED }
