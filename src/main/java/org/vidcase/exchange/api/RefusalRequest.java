package org.vidcase.exchange.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a supervisor refuses a package; stays at the node. */
public record RefusalRequest(@NotBlank @Size(max = 2000) String reason) {
}
