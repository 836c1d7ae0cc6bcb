package io.neuralplayground.ui.viewmodel.tuning;

import io.neuralplayground.tune.Trial;
import io.neuralplayground.tune.TrialResult;
import java.util.Map;

/**
 * A line of the table of trials, as it stands: running (with the epochs so far), complete with its objective, or
 * failed with the reason; {@code resumed} when it was read back from the results folder rather than run now.
 *
 * @param value the objective, NaN unless complete
 * @param epochsRun epochs trained so far (running) or in all
 * @param seconds wall-clock time, 0 while running
 */
public record TrialRow(int number, State state, boolean resumed, Map<String, Object> parameters, double value,
        int epochsRun, int epochs, double seconds, Integer bracket, Integer round, String error) {
    /** How a trial stands. */
    public enum State {
        RUNNING("running"), COMPLETE("complete"), FAILED("failed"),
        /** Running when the search was cancelled: it has no score, and a resumed search runs it again. */
        STOPPED("stopped");

        private final String word;

        State(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public TrialRow {
        parameters = Map.copyOf(parameters);
    }

    /** A trial that has just started. */
    static TrialRow started(Trial t) {
        return new TrialRow(t.number(), State.RUNNING, false, t.parameters().asMap(), Double.NaN, 0, t.epochs(), 0,
                bracket(t), round(t), null);
    }

    /** A trial that ended, now or in an earlier run of the search ({@code resumed}). */
    static TrialRow ended(TrialResult r, boolean resumed) {
        Trial t = r.trial();
        return new TrialRow(t.number(), r.isCompleted() ? State.COMPLETE : State.FAILED, resumed,
                t.parameters().asMap(), r.isCompleted() ? r.value() : Double.NaN, r.epochsRun(), t.epochs(),
                r.elapsedMillis() / 1000.0, bracket(t), round(t), r.error());
    }

    /** The same running trial, {@code epoch} epochs in. */
    TrialRow at(int epoch) {
        return new TrialRow(number, state, resumed, parameters, value, epoch, epochs, seconds, bracket, round, error);
    }

    /** The same trial, stopped where it was by a cancelled search. */
    TrialRow stopped() {
        return new TrialRow(number, State.STOPPED, resumed, parameters, value, epochsRun, epochs, seconds, bracket,
                round, error);
    }

    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    /** "complete", "running", "failed", "complete (resumed)". */
    public String status() {
        return state.word() + (resumed ? " (resumed)" : "");
    }

    private static Integer bracket(Trial t) {
        return t.bracket().isPresent() ? t.bracket().getAsInt() : null;
    }

    private static Integer round(Trial t) {
        return t.round().isPresent() ? t.round().getAsInt() : null;
    }
}
