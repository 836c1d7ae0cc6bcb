package io.neuralplayground.tune;

import java.util.concurrent.CompletableFuture;

/**
 * Where trials run: threads of this machine ({@link LocalTrialExecutor}) or members of a cluster. The search submits
 * at most {@link #slots()} jobs at a time and reacts to each future as it completes, in whatever order; what it
 * proposes does not depend on that order, so any executor gives the same trials.
 *
 * <p>An implementation runs {@link TrialJob#run()} somewhere (it never throws for what the objective does) and
 * completes the future with its result; a future completed exceptionally (a lost cluster member …) is recorded as
 * a failed trial with the exception's message. Calls of {@link TrialContext#epochEnded} made by the job should reach
 * the context of the submitted job, live or at least before the future completes.
 */
public interface TrialExecutor extends AutoCloseable {
    /** Starts {@code job}; the future completes with its result. */
    CompletableFuture<TrialResult> submit(TrialJob job);

    /** How many trials may run at once. */
    int slots();

    /** Releases the threads or connections; trials still running are left to finish. */
    @Override
    void close();
}
