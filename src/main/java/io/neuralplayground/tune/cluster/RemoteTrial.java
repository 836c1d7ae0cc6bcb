package io.neuralplayground.tune.cluster;

import io.neuralplayground.tune.Objective;
import io.neuralplayground.tune.RemoteObjective;
import io.neuralplayground.tune.Trial;
import io.neuralplayground.tune.TrialContext;
import io.neuralplayground.tune.TrialJob;
import io.neuralplayground.tune.TrialResult;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * One trial as a worker receives it: the objective's description and the trial. It runs the trial with the objective
 * built from the description ({@link WorkerObjectives}, once per worker), records each epoch the objective reports,
 * and sends back the result with those reports, for the application to replay to its listeners.
 *
 * @param runId names this run of the trial among all runs of the cluster, for {@link CancelTrials}
 */
record RemoteTrial(RemoteObjective objective, Trial trial, String runId)
        implements Callable<RemoteTrial.Outcome>, Serializable {
    private static final long serialVersionUID = 1L;

    /** What the worker sends back: the result and the epochs reported on the way, in order. */
    record Outcome(TrialResult result, List<EpochReport> epochs) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One call of {@link TrialContext#epochEnded}. */
    record EpochReport(int epoch, Map<String, Double> metrics) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Outcome call() {
        List<EpochReport> epochs = new ArrayList<>();
        Objective built;
        try {
            built = WorkerObjectives.get(objective);
        } catch (RuntimeException | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Outcome(new TrialResult(trial, TrialResult.Status.FAILED, Double.NaN, List.of(), 0,
                    "the objective could not be built on worker " + WorkerObjectives.host() + ": " + why, 0),
                    List.of());
        }
        Cancellation.Flag cancelled = Cancellation.register(runId);
        try {
            TrialContext context = new TrialContext() {
                @Override
                public void epochEnded(int epoch, Map<String, Double> metrics) {
                    epochs.add(new EpochReport(epoch, new LinkedHashMap<>(metrics)));
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.isSet();
                }

                @Override
                public Optional<Path> checkpointDirectory(int trialNumber) {
                    // The results folder is on the application's machine: Hyperband trials train from scratch here.
                    return Optional.empty();
                }
            };
            return new Outcome(new TrialJob(trial, built, context).run(), epochs);
        } finally {
            Cancellation.unregister(runId);
        }
    }
}
