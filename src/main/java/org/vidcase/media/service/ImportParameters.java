package org.vidcase.media.service;

import java.util.UUID;

/** What an import job needs; stored as the job's parameters so that it survives a restart. */
public record ImportParameters(UUID caseId, UUID seizureId, ImportFormat format, String objectKey, String wrappedKey,
                               String fileSha256, long fileSize, String fileName) {
}
