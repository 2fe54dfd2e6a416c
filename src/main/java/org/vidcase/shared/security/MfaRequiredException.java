package org.vidcase.shared.security;

/**
 * Why a valid token was refused: its user did not pass a second factor where one is required.
 * Carried as the cause of the authentication failure, so that the 401 can say so.
 */
public class MfaRequiredException extends RuntimeException {

    public MfaRequiredException(String message) {
        super(message);
    }
}
