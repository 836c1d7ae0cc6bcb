package io.neuralplayground.tune;

/**
 * What a search optimizes: runs one trial and measures it. For a network: build it from
 * {@code trial.parameters()}, seed everything from {@code trial.seed()}, train {@code trial.epochs()} epochs
 * (resuming from {@code trial.parent()}'s checkpoint where there is one), calling
 * {@link TrialContext#epochEnded} after each epoch and {@link TrialContext#throwIfCancelled} between epochs, and
 * return the goal's metric.
 *
 * <p>Runs on one thread of the executor, several trials at once: an objective keeps no state between trials, or
 * guards it. A trial fails — recorded, never the best, never promoted — when it throws anything but
 * {@link TrialCancelledException} or returns a value that is NaN; the exception's message is kept with the trial,
 * so make it say what went wrong.
 */
@FunctionalInterface
public interface Objective {
    Evaluation evaluate(Trial trial, TrialContext context) throws Exception;
}
