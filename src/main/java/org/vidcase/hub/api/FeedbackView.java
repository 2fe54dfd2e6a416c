package org.vidcase.hub.api;

import java.time.Instant;

/** One country's feedback on an entry: whether it agrees with {@code category}, or proposes another. */
public record FeedbackView(String country, String category, boolean agree, String proposed, Instant receivedAt) {
}
