package io.neuralplayground.data;

import java.util.List;

/**
 * Lists of column and feature names for messages. A message lists the names so the user can pick one, which
 * helps while the list is short; a file with thousands of columns would otherwise put a megabyte into one line.
 */
final class NameLists {
    /** Lists up to this many names in full; longer lists show their first names and a count. */
    static final int MAX_LISTED = 20;

    private NameLists() {
    }

    /** "a, b, c", or for a long list "c1, c2, … c20 and 99980 more". */
    static String forMessage(List<String> names) {
        if (names.size() <= MAX_LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_LISTED)) + " and " + (names.size() - MAX_LISTED) + " more";
    }
}
