package org.vidcase.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what the server logs while a block runs (the tests run in the server's JVM, on its
 * log manager). A marker logged first proves that the capture sees the categories asked about,
 * so that "nothing was logged" cannot pass merely because nothing was captured.
 */
public final class LogCapture {

    private static final String MARKER = "vidcase-test log capture marker";

    private LogCapture() {
    }

    public record Captured(List<LogRecord> records) {

        public boolean sawMarker() {
            return records.stream().anyMatch(r -> MARKER.equals(r.getMessage()));
        }

        public List<String> messages() {
            return withoutMarker().stream().map(Captured::text).toList();
        }

        /** Records at SEVERE (ERROR) or above from loggers under this category. */
        public List<String> errorsFrom(String category) {
            return withoutMarker().stream()
                    .filter(r -> r.getLoggerName() != null && r.getLoggerName().startsWith(category))
                    .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(Captured::text).toList();
        }

        private List<LogRecord> withoutMarker() {
            return records.stream().filter(r -> !MARKER.equals(r.getMessage())).toList();
        }

        private static String text(LogRecord r) {
            String message = r.getMessage() == null ? "" : r.getMessage();
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    message += " " + p;
                }
            }
            return r.getLoggerName() + ": " + message + (r.getThrown() == null ? "" : " " + r.getThrown());
        }
    }

    /** Runs the block; the marker is logged as an error in {@code markerCategory} before it. */
    public static Captured during(String markerCategory, Runnable block) {
        List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
                // Nothing buffered.
            }

            @Override
            public void close() {
                // Nothing held.
            }
        };
        handler.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        // Everything the category logs, down to debug: an introspection attempt is logged at debug
        // before its failure is logged as an error.
        Logger category = Logger.getLogger(markerCategory);
        Level before = category.getLevel();
        category.setLevel(Level.ALL);
        try {
            Logger.getLogger(markerCategory + ".vidcase-test").severe(MARKER);
            block.run();
            try {
                // Errors of a failed call to Keycloak are logged when its answer arrives.
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } finally {
            category.setLevel(before);
            root.removeHandler(handler);
        }
        synchronized (records) {
            return new Captured(List.copyOf(records));
        }
    }
}
