package io.neuralplayground.tune;

import java.util.Map;

/**
 * What a window or a command line hears of a search. {@link #epochEnded} is called on the trial's thread, the
 * others on the thread that runs the search; so a window hands them to its own thread, and no method should block
 * or throw (an exception from {@code epochEnded} fails the trial).
 */
public interface SearchListener {
    default void trialStarted(Trial trial) {
    }

    /** A trial's metrics after one epoch (1-based), while it runs: the live learning curve. */
    default void epochEnded(Trial trial, int epoch, Map<String, Double> metrics) {
    }

    /** A trial completed with a value. */
    default void trialFinished(TrialResult result) {
    }

    /** A trial failed: {@link TrialResult#error()} says why. */
    default void trialFailed(TrialResult result) {
    }

    /** A trial finished in an earlier run was read back from the results folder instead of run again. */
    default void trialResumed(TrialResult result) {
    }

    /** After each trial starts or finishes. */
    default void progress(Progress progress) {
    }

    /** The search ended, all its trials run or cancelled. */
    default void searchFinished(SearchOutcome outcome) {
    }
}
