package org.vidcase.hub.api;

import jakarta.validation.constraints.NotNull;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A node's public signing key: an EC P-256 JWK with its kid (as GET /api/exchange/keys on the node gives it). */
public record KeyRequest(@NotNull @Schema(description = "Public JWK: kty EC, crv P-256, x, y, kid; no private part")
                         Map<String, Object> jwk) {
}
