package org.vidcase.lead.api;

import java.time.Instant;

/** One entry of a lead's history: who, when, what, and for a field its old and new value. */
public record LeadEventView(Instant at, String actor, String action, String field, String oldValue, String newValue) {
}
