package org.vidcase.audit.service;

import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolationException;
import org.vidcase.audit.domain.AuditOutcome;
import org.vidcase.shared.error.DomainException;
import org.vidcase.shared.error.HiddenResourceException;
import org.vidcase.shared.error.ResourceNotFoundException;

/** How a failure reads in the audit trail. */
public final class AuditOutcomes {

    private AuditOutcomes() {
    }

    public static AuditOutcome of(Throwable failure) {
        if (failure instanceof HiddenResourceException || failure instanceof ForbiddenException) {
            return AuditOutcome.DENIED;
        }
        if (failure instanceof ResourceNotFoundException) {
            return AuditOutcome.NOT_FOUND;
        }
        if (failure instanceof DomainException || failure instanceof ConstraintViolationException
                || failure instanceof IllegalArgumentException) {
            return AuditOutcome.REFUSED;
        }
        return AuditOutcome.FAILED;
    }
}
