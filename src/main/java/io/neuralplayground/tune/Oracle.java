package io.neuralplayground.tune;

/**
 * A search algorithm (KerasTuner's word): proposes trials and learns from their results.
 *
 * <p>The contract that makes a search reproducible whatever runs it: trials are numbered 0, 1, … in the order
 * proposed, and what {@link #next()} proposes as trial k depends only on the search's seed and on results the
 * oracle documents (none for grid and random; trials 0 … k−1−L for TPE with lag L; the finished rounds for
 * Hyperband), never on the order results arrive in or on how many trials run at once. When the next trial needs a
 * result not yet reported, {@code next()} says {@link Proposal#WAIT}.
 *
 * <p>Not thread-safe: the search calls it from one thread.
 */
public interface Oracle {
    /** The next trial, {@link Proposal#WAIT}, or {@link Proposal#DONE}. */
    Proposal next();

    /** The result of a trial this oracle proposed, completed or failed (cancelled trials are not reported). */
    void report(TrialResult result);

    /**
     * How many trials the search will have proposed in all, as far as it can tell now (a Hyperband round after
     * failures holds fewer): for progress bars.
     */
    int plannedTrials();
}
