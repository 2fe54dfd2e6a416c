package org.vidcase.search.infra;

import java.util.Map;

/** One media item as the search index holds it; {@code version} is its newest outbox seq. */
public record MediaDocument(String id, long version, Map<String, Object> source) {
}
