package org.vidcase.hub.api;

import java.time.Instant;
import java.util.Map;

/** A registered key: its id, RFC 7638 thumbprint, the public JWK, and its revocation if any. */
public record KeyView(String keyId, String thumbprint, Map<String, Object> jwk, String addedBy, Instant addedAt,
                      String revokedBy, Instant revokedAt, String revokeReason) {
}
