package org.vidcase.hub.service;

import java.util.List;
import org.vidcase.exchange.format.Violation;
import org.vidcase.shared.error.DomainException;

/**
 * A package the hub refuses, with the status it is answered with (400 malformed, 403 a sender that
 * may not submit as itself, 409 a package id reused for other content, 413 too large, 422 a key or
 * signature problem or a rule of the format) and, where there are any, the payload positions at fault.
 */
public class PackageRefusedException extends DomainException {

    private final int status;
    private final List<Violation> violations;

    public PackageRefusedException(int status, String message) {
        this(status, message, List.of());
    }

    public PackageRefusedException(int status, String message, List<Violation> violations) {
        super(message);
        this.status = status;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public List<Violation> violations() {
        return violations;
    }
}
