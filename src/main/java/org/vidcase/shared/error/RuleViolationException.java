package org.vidcase.shared.error;

/** Well-formed but refused by a business rule: 422. */
public class RuleViolationException extends DomainException {
    public RuleViolationException(String message) {
        super(message);
    }
}
