package org.vidcase.retention.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The supervisor's approval: the retention rule or decision under which the case may go. */
public record DisposalRequest(@NotBlank @Size(max = 2000) String legalBasis) {
}
