package org.vidcase.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vidcase.matching.HashSetKind;
import org.vidcase.matching.HashSetSource;

/**
 * Decides what an item's matches mean. An alert match always beats an ignorable one (a known-good
 * list must never hide known abuse material); among the rest the configured rules apply in order:
 * {@code exact} (exact digests before PDQ near matches), {@code source} (more authoritative source
 * first) and {@code nearest} (smaller PDQ distance). Remaining ties go to the lower entry id, so the
 * outcome never depends on the order matches were found in.
 */
public final class MatchPrecedence {

    private final Comparator<RecordedMatch> order;

    public MatchPrecedence(List<String> rules, List<HashSetSource> sourceOrder) {
        Comparator<RecordedMatch> c = Comparator.comparingInt(m -> m.kind() == HashSetKind.ALERT ? 0 : 1);
        List<String> seen = new ArrayList<>();
        for (String rule : rules) {
            String name = rule.strip().toLowerCase(Locale.ROOT);
            if (seen.contains(name)) {
                throw new IllegalArgumentException("precedence rule '" + name + "' is listed twice");
            }
            seen.add(name);
            c = switch (name) {
                case "exact" -> c.thenComparingInt(m -> m.type().exact() ? 0 : 1);
                case "source" -> c.thenComparingInt(m -> rank(sourceOrder, m.source()));
                case "nearest" -> c.thenComparingInt(RecordedMatch::distance);
                default -> throw new IllegalArgumentException("unknown precedence rule '" + rule
                        + "'; known rules: exact, source, nearest");
            };
        }
        this.order = c.thenComparingLong(RecordedMatch::entryId);
    }

    private static int rank(List<HashSetSource> sourceOrder, HashSetSource source) {
        int i = sourceOrder.indexOf(source);
        return i < 0 ? sourceOrder.size() : i;
    }

    /** The item's status: alert if any alert match, ignorable if only ignorable ones, else none. */
    public Optional<MatchStatus> status(List<RecordedMatch> matches) {
        if (matches.stream().anyMatch(m -> m.kind() == HashSetKind.ALERT)) {
            return Optional.of(MatchStatus.ALERT);
        }
        return matches.isEmpty() ? Optional.empty() : Optional.of(MatchStatus.IGNORABLE);
    }

    /** The match that gives the item its category: the first alert match with a category, in rule order. */
    public Optional<RecordedMatch> decisive(List<RecordedMatch> matches) {
        return matches.stream()
                .filter(m -> m.kind() == HashSetKind.ALERT && m.category() != null)
                .min(order);
    }

    /** All matches, most decisive first. */
    public List<RecordedMatch> ordered(List<RecordedMatch> matches) {
        return matches.stream().sorted(order).toList();
    }
}
