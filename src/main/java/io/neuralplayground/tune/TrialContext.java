package io.neuralplayground.tune;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a running trial may tell the search and ask of it. Called on the trial's own thread.
 */
public interface TrialContext {
    /**
     * Reports the metrics after {@code epoch} (1-based): they reach the search's listeners at once, so the window
     * can draw the learning curve while the trial runs.
     */
    void epochEnded(int epoch, Map<String, Double> metrics);

    /** Whether the search was cancelled: an objective polls this between epochs and stops when it is set. */
    boolean isCancelled();

    /** Stops the trial when the search was cancelled: the search records nothing for it and runs it again on resume. */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new TrialCancelledException();
        }
    }

    /**
     * A folder where trial {@code trialNumber} keeps its checkpoints ({@code checkpoints/trial-0007/} in the results
     * folder), for a Hyperband trial to save and its successor to resume from ({@link Trial#parent()}); empty when
     * the search keeps no results folder. Not created: the objective makes it when it saves something, and writes
     * each file atomically (a cancelled trial must not leave half a checkpoint for its rerun to trip over).
     */
    Optional<Path> checkpointDirectory(int trialNumber);

    /** A context for running an objective outside a search (tests, a single trial): never cancelled. */
    static TrialContext detached() {
        return new TrialContext() {
            @Override
            public void epochEnded(int epoch, Map<String, Double> metrics) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public Optional<Path> checkpointDirectory(int trialNumber) {
                return Optional.empty();
            }
        };
    }
}
