package io.neuralplayground.tune;

import java.util.Comparator;

/** The one order of trials by merit, used for TPE's split, Hyperband's promotions and the summary. */
final class Ranking {
    private Ranking() {
    }

    /**
     * Completed trials best first by the goal's direction, ties by trial number (the earlier first); failed and
     * cancelled trials after all completed ones, by number.
     */
    static Comparator<TrialResult> bestFirst(Goal goal) {
        return (a, b) -> {
            if (a.isCompleted() != b.isCompleted()) {
                return a.isCompleted() ? -1 : 1;
            }
            int c = a.isCompleted() ? goal.direction().compare(a.value(), b.value()) : 0;
            return c != 0 ? c : Integer.compare(a.number(), b.number());
        };
    }
}
