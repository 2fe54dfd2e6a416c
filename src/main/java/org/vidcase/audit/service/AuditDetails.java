package org.vidcase.audit.service;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Lets an {@link Audited} method say what it did, for its own audit event: old and new values of
 * a change (codes, flags, identifiers, labels), never the free text of a note or a description,
 * which stays with the case. The interceptor opens a frame around each audited call
 * on the calling thread (requests and jobs alike) and writes what the method recorded into the
 * event's detail.
 */
public final class AuditDetails {

    private static final ThreadLocal<Deque<String[]>> FRAMES = ThreadLocal.withInitial(ArrayDeque::new);

    private AuditDetails() {
    }

    /** Sets the detail of the innermost audited call on this thread; ignored outside one. */
    public static void record(String detail) {
        String[] frame = FRAMES.get().peek();
        if (frame != null) {
            frame[0] = detail;
        }
    }

    static void open() {
        FRAMES.get().push(new String[1]);
    }

    /** Closes the innermost frame and returns what was recorded in it, or null. */
    static String close() {
        Deque<String[]> frames = FRAMES.get();
        String[] frame = frames.pop();
        if (frames.isEmpty()) {
            FRAMES.remove();
        }
        return frame[0];
    }
}
