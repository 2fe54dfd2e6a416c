package org.vidcase.series.service;

import java.util.UUID;

/** What a clustering job groups: a case, or one exhibit of it. */
public record ClusteringParameters(UUID caseId, UUID seizureId) {
}
