package org.vidcase.media.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vidcase.media.domain.MediaItem;

/**
 * What a categorisation changed on an item, for its audit event: category and source before and
 * after, each flag, the series (an identifier) and the tags (short labels, one line each) that
 * changed, and whether a note was given. The note's text is never copied: it stays in the item's
 * history, which only the case team reads.
 */
final class CategorisationChange {

    private final Map<String, Object> before;

    private CategorisationChange(Map<String, Object> before) {
        this.before = before;
    }

    static CategorisationChange before(MediaItem item) {
        return new CategorisationChange(state(item));
    }

    /** The change as a JSON-ready document: {@code {"category": {"from": "2", "to": "1"}, ...}}. */
    Map<String, Object> after(MediaItem item, boolean noteGiven) {
        Map<String, Object> after = state(item);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("category", fromTo(before.get("category"), after.get("category")));
        detail.put("source", fromTo(before.get("source"), after.get("source")));
        Map<String, Object> flags = new LinkedHashMap<>();
        for (String flag : List.of("victimIdentified", "offenderIdentified", "distributed", "selfGenerated",
                "suspected", "baseline")) {
            if (!Objects.equals(before.get(flag), after.get(flag))) {
                flags.put(flag, fromTo(before.get(flag), after.get(flag)));
            }
        }
        if (!flags.isEmpty()) {
            detail.put("flags", flags);
        }
        if (!Objects.equals(before.get("series"), after.get("series"))) {
            detail.put("series", fromTo(before.get("series"), after.get("series")));
        }
        @SuppressWarnings("unchecked")
        List<String> oldTags = (List<String>) before.get("tags");
        @SuppressWarnings("unchecked")
        List<String> newTags = (List<String>) after.get("tags");
        List<String> added = new ArrayList<>(newTags);
        added.removeAll(oldTags);
        List<String> removed = new ArrayList<>(oldTags);
        removed.removeAll(newTags);
        if (!added.isEmpty() || !removed.isEmpty()) {
            Map<String, Object> tags = new LinkedHashMap<>();
            tags.put("added", added);
            tags.put("removed", removed);
            detail.put("tags", tags);
        }
        detail.put("noteGiven", noteGiven);
        return detail;
    }

    private static Map<String, Object> state(MediaItem item) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("category", item.category);
        state.put("source", item.categorySource == null ? null : item.categorySource.name());
        state.put("victimIdentified", item.victimIdentified);
        state.put("offenderIdentified", item.offenderIdentified);
        state.put("distributed", item.distributed);
        state.put("selfGenerated", item.selfGenerated);
        state.put("suspected", item.suspected);
        state.put("baseline", item.baseline);
        state.put("series", item.series);
        state.put("tags", List.copyOf(item.tags));
        return state;
    }

    private static Map<String, Object> fromTo(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }
}
