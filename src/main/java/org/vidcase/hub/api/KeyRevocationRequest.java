package org.vidcase.hub.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a key is revoked (compromised, lost); packages it signed are refused from now on. */
public record KeyRevocationRequest(@NotBlank @Size(max = 2000) String reason) {
}
