package org.vidcase.exchange.format;

import java.util.List;

/** Why a package cannot be accepted, with the payload positions at fault where there are any. */
public class PackageRejectedException extends Exception {

    /** The kinds of refusal; each is answered with its own status and problem text. */
    public enum Reason {
        /** Not a compact JWS, or its header or payload cannot be read. */
        MALFORMED,
        /** {@code alg: none}, or no signature at all. */
        UNSIGNED,
        /** A signature algorithm or header this format does not allow. */
        UNSUPPORTED_ALGORITHM,
        /** No key with this id is registered for the sender. */
        UNKNOWN_KEY,
        /** The key was revoked. */
        REVOKED_KEY,
        /** The signature does not verify: the package was changed or signed with another key. */
        BAD_SIGNATURE,
        /** Larger than the limits (bytes, inflated bytes, entries, frames). */
        OVERSIZE,
        /** The payload is well-formed JSON but not in canonical form. */
        NOT_CANONICAL,
        /** The payload breaks the format's rules (unknown category, malformed hash, ...). */
        INVALID
    }

    private final Reason reason;
    private final List<Violation> violations;

    public PackageRejectedException(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public PackageRejectedException(Reason reason, String message, List<Violation> violations) {
        super(message, null, false, false);
        this.reason = reason;
        this.violations = List.copyOf(violations);
    }

    public Reason reason() {
        return reason;
    }

    public List<Violation> violations() {
        return violations;
    }
}
