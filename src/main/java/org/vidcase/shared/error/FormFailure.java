package org.vidcase.shared.error;

import java.io.IOException;

/**
 * Tells a multipart body that broke off or was malformed (the form parser's IOException, thrown
 * before any resource method runs) from an I/O failure of the server's own, which stays a 500.
 */
final class FormFailure {

    private static final String PARSER_PACKAGE = "org.jboss.resteasy.reactive.server.core.multipart.";

    private FormFailure() {
    }

    static boolean isFormParsing(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && thrownByParser(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownByParser(Throwable t) {
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith(PARSER_PACKAGE);
    }
}
