package org.vidcase.series.service;

import java.util.UUID;

/**
 * What a clustering job groups: a case, or one exhibit of it; incrementally, only the pictures
 * filed since the last run are looked up (against all of the case's).
 */
public record ClusteringParameters(UUID caseId, UUID seizureId, boolean incremental) {
}
