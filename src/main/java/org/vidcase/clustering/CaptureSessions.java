package org.vidcase.clustering;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A signal officers trust for series: pictures taken with the same camera body (make, model and
 * serial number) within a short time of each other belong to one shoot, even when their pixels
 * share nothing (another angle, another room of the same set). Pictures without a serial or a
 * capture time give no signal.
 */
public final class CaptureSessions {

    /** What one picture says about where and when it was taken. */
    public record Capture(String make, String model, String serial, String takenAt) {
    }

    private static final DateTimeFormatter EXIF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

    private CaptureSessions() {
    }

    /**
     * Pairs of pictures (indices into {@code captures}) of one camera within {@code windowSeconds}
     * of each other, each picture linked to the next one of its camera in time.
     *
     * @param include which pictures may start a pair (all of them: {@code i -> true})
     */
    public static List<int[]> links(List<Capture> captures, long windowSeconds, java.util.function.IntPredicate include) {
        record Shot(int index, String camera, LocalDateTime at) {
        }
        List<Shot> shots = new ArrayList<>();
        for (int i = 0; i < captures.size(); i++) {
            Capture c = captures.get(i);
            if (c == null || blank(c.serial())) {
                continue;
            }
            LocalDateTime at = parse(c.takenAt());
            if (at != null) {
                shots.add(new Shot(i, norm(c.make()) + "|" + norm(c.model()) + "|" + norm(c.serial()), at));
            }
        }
        shots.sort(Comparator.comparing(Shot::camera).thenComparing(Shot::at).thenComparingInt(Shot::index));
        List<int[]> pairs = new ArrayList<>();
        for (int k = 1; k < shots.size(); k++) {
            Shot a = shots.get(k - 1);
            Shot b = shots.get(k);
            if (a.camera().equals(b.camera()) && !b.at().isAfter(a.at().plusSeconds(windowSeconds))
                    && (include.test(a.index()) || include.test(b.index()))) {
                pairs.add(new int[] {a.index(), b.index()});
            }
        }
        return pairs;
    }

    /** ISO-8601 local date-time (an offset, if any, is dropped: one camera keeps one clock) or EXIF's form. */
    static LocalDateTime parse(String text) {
        if (blank(text)) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.length() >= 19 && t.charAt(4) == ':') {
                return LocalDateTime.parse(t.substring(0, 19), EXIF);
            }
            return LocalDateTime.parse(t.length() > 19 ? t.substring(0, 19) : t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String norm(String s) {
        return Objects.toString(s, "").strip().toLowerCase(Locale.ROOT);
    }
}
