package org.vidcase.retention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the case must be kept (a court order, an appeal, a related prosecution). */
public record LegalHoldRequest(@NotBlank @Size(max = 2000) String reason) {
}
