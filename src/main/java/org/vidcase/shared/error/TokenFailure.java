package org.vidcase.shared.error;

import org.jose4j.jwt.consumer.InvalidJwtException;
import org.vidcase.shared.security.MfaRequiredException;

/** Why a bearer token was refused, as far as the caller may be told. */
final class TokenFailure {

    private TokenFailure() {
    }

    /** Whether the token was valid but its user did not pass the second factor this server requires. */
    static boolean mfaMissing(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof MfaRequiredException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the token was refused because it expired (the verifier's own error, anywhere in the chain). */
    static boolean expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
