package io.neuralplayground.tune;

import java.util.List;
import java.util.Optional;

/**
 * A search's trials when it ended, by number; {@code cancelled} when it was stopped before its last trial (a new
 * search on the same results folder goes on from there).
 */
public record SearchOutcome(Goal goal, List<TrialResult> trials, boolean cancelled) {
    public SearchOutcome {
        trials = List.copyOf(trials);
    }

    /** The best completed trial (ties to the earlier); failed trials never are. */
    public Optional<TrialResult> best() {
        return trials.stream().filter(TrialResult::isCompleted).min(Ranking.bestFirst(goal));
    }

    /** The best {@code n} completed trials, best first. */
    public List<TrialResult> best(int n) {
        return trials.stream().filter(TrialResult::isCompleted).sorted(Ranking.bestFirst(goal)).limit(n).toList();
    }
}
