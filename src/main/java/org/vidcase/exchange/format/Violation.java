package org.vidcase.exchange.format;

/** One reason a package was refused: a JSON pointer into the payload (RFC 6901) and what is wrong there. */
public record Violation(String pointer, String message) {

    @Override
    public String toString() {
        return (pointer.isEmpty() ? "(payload)" : pointer) + ": " + message;
    }
}
