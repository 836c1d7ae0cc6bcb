package io.neuralplayground.tune;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a trial ended: completed with a value, failed (the objective threw or returned NaN), or cancelled with the
 * search (never recorded, run again on resume). Serializable, so that a cluster member can send it back (the maps of
 * the history are those {@link Evaluation} and {@link TrialJob} make, all serializable).
 *
 * @param value the goal's metric; NaN unless completed
 * @param history the metrics of each epoch run
 * @param error what went wrong, null unless failed
 * @param elapsedMillis wall-clock time of the trial, for progress estimates only (it never decides anything)
 */
public record TrialResult(Trial trial, Status status, double value, List<Map<String, Double>> history,
        int epochsRun, String error, long elapsedMillis) implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Status {
        COMPLETED, FAILED, CANCELLED
    }

    public TrialResult {
        history = List.copyOf(history);
        if (status == Status.COMPLETED && Double.isNaN(value)) {
            throw new IllegalArgumentException("a completed trial has a value");
        }
    }

    static TrialResult completed(Trial trial, Evaluation e, long elapsedMillis) {
        return new TrialResult(trial, Status.COMPLETED, e.value(), e.history(), e.epochsRun(), null, elapsedMillis);
    }

    static TrialResult failed(Trial trial, String error, List<Map<String, Double>> history, long elapsedMillis) {
        return new TrialResult(trial, Status.FAILED, Double.NaN, history, history.size(), error, elapsedMillis);
    }

    static TrialResult cancelled(Trial trial, long elapsedMillis) {
        return new TrialResult(trial, Status.CANCELLED, Double.NaN, List.of(), 0, null, elapsedMillis);
    }

    public int number() {
        return trial.number();
    }

    public boolean isCompleted() {
        return status == Status.COMPLETED;
    }

    /** The value when completed. */
    public Optional<Double> score() {
        return isCompleted() ? Optional.of(value) : Optional.empty();
    }

    /** The same outcome, leaving out how long it took: what "the same results" means for a rerun. */
    public boolean sameOutcome(TrialResult o) {
        return trial.sameAs(o.trial) && status == o.status && Double.compare(value, o.value) == 0
                && history.equals(o.history) && epochsRun == o.epochsRun
                && java.util.Objects.equals(error, o.error);
    }
}
