package org.vidcase.series.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One change in a series' history; {@code detail} says what changed. */
public record SeriesEventView(Instant at, String actor, String action, JsonNode detail) {
}
