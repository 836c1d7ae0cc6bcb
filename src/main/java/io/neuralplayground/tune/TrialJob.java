package io.neuralplayground.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One trial to run: the trial, the objective, and the context it reports to. {@link #run()} runs it on the calling
 * thread and turns every way it can end into a {@link TrialResult}; an executor only decides where and when.
 */
public record TrialJob(Trial trial, Objective objective, TrialContext context) {

    /** Runs the objective here; never throws for what the objective does. */
    public TrialResult run() {
        long start = System.nanoTime();
        List<Map<String, Double>> seen = new ArrayList<>();
        TrialContext recording = new TrialContext() {
            @Override
            public void epochEnded(int epoch, Map<String, Double> metrics) {
                seen.add(Map.copyOf(metrics));
                context.epochEnded(epoch, metrics);
            }

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }

            @Override
            public java.util.Optional<java.nio.file.Path> checkpointDirectory(int trialNumber) {
                return context.checkpointDirectory(trialNumber);
            }
        };
        try {
            Evaluation e = objective.evaluate(trial, recording);
            long ms = millisSince(start);
            if (e == null) {
                return TrialResult.failed(trial, "the objective returned no evaluation", seen, ms);
            }
            if (Double.isNaN(e.value())) {
                return TrialResult.failed(trial, "the objective's value is NaN", e.history(), ms);
            }
            return TrialResult.completed(trial, e, ms);
        } catch (TrialCancelledException e) {
            return TrialResult.cancelled(trial, millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return context.isCancelled() ? TrialResult.cancelled(trial, millisSince(start))
                    : TrialResult.failed(trial, "interrupted", seen, millisSince(start));
        } catch (Exception | StackOverflowError e) {
            if (context.isCancelled() && e.getCause() instanceof TrialCancelledException) {
                return TrialResult.cancelled(trial, millisSince(start));
            }
            return TrialResult.failed(trial, describe(e), seen, millisSince(start));
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
