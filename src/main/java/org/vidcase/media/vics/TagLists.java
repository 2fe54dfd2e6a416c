package org.vidcase.media.vics;

import java.util.ArrayList;
import java.util.List;

final class TagLists {

    private TagLists() {
    }

    /** Splits on any of {@code separators}, dropping blanks so "a;;b" and "a; b;" mean the same two tags. */
    static List<String> split(String text, String separators) {
        List<String> tags = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || separators.indexOf(text.charAt(i)) >= 0) {
                String tag = text.substring(start, i).strip();
                if (!tag.isEmpty()) {
                    tags.add(tag);
                }
                start = i + 1;
            }
        }
        return tags;
    }
}
