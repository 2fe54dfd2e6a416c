package org.vidcase.hub.api;

import java.time.Instant;
import java.util.UUID;

/** One baseline list handed out: to whom, on what basis, how many entries, the file's SHA-256. */
public record BaselineExportView(UUID id, String recipient, String legalBasis, long entryCount, String sha256,
                                 String exportedBy, Instant exportedAt) {
}
