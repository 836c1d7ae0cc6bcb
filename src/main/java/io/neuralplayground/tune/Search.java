package io.neuralplayground.tune;

import io.neuralplayground.PlaygroundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a hyperparameter search: asks the algorithm's oracle for trials, runs them on the executor (as many at once
 * as it has slots), tells the oracle each result, records each finished trial in the results folder and tells the
 * listeners.
 *
 * <pre>
 *   SearchOutcome outcome = Search.builder(problem, Algorithm.tpe(50, 20), objective)
 *           .seed(42).resultsFolder(Path.of("runs/moons")).listener(listener).build().run();
 * </pre>
 *
 * <p>The trials, their hyperparameters and seeds depend on the problem, the algorithm's settings and the seed only:
 * one thread or eight, the same trials (see {@link Oracle}). {@link #cancel()} stops it cleanly: no new trial
 * starts, running ones see {@link TrialContext#isCancelled()} and are dropped (not recorded), finished ones stay
 * recorded. A new search on the same folder then reads the finished trials back, runs the rest, and ends with
 * exactly the results an uninterrupted search would have had.
 */
public final class Search {
    private final SearchProblem problem;
    private final Algorithm algorithm;
    private final Objective objective;
    private final long seed;
    private final TrialExecutor executor;
    private final boolean ownsExecutor;
    private final Path folderPath;
    private final Map<String, Object> trainedOn;
    private final List<SearchListener> listeners;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();

    private Search(Builder b) {
        this.problem = b.problem;
        this.algorithm = b.algorithm;
        this.objective = b.objective;
        this.seed = b.seed;
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor == null ? new LocalTrialExecutor() : b.executor;
        this.folderPath = b.folder;
        this.trainedOn = b.trainedOn;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder(SearchProblem problem, Algorithm algorithm, Objective objective) {
        return new Builder(problem, algorithm, objective);
    }

    /** Stops the search: from any thread, at any time; {@link #run()} returns once the running trials stopped. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs the search on the calling thread until every trial has finished or it is cancelled. Runs once.
     *
     * @throws PlaygroundException if the results folder holds a search with other settings, or cannot be written
     */
    public SearchOutcome run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a search runs once; build a new one (on the same folder to go on)");
        }
        try {
            return new Run().execute();
        } finally {
            if (ownsExecutor) {
                executor.close();
            }
        }
    }

    /** One run's state, touched by the calling thread only (trial threads only post to the queue). */
    private final class Run {
        private final Oracle oracle = algorithm.oracle(problem, seed);
        private final ResultsFolder folder = folderPath == null ? null
                : ResultsFolder.openFor(folderPath, problem, algorithm, seed, trainedOn);
        private final Map<Integer, TrialResult> recorded = new TreeMap<>();
        private final Map<Integer, TrialResult> results = new TreeMap<>();
        private final BlockingQueue<TrialResult> finished = new LinkedBlockingQueue<>();
        private final long start = System.nanoTime();
        private int running;
        private int ranHere;
        private int dropped;
        private boolean interrupted;

        SearchOutcome execute() {
            if (folder != null) {
                folder.trials().forEach(r -> recorded.put(r.number(), r));
            }
            Proposal last = Proposal.WAIT;
            while (true) {
                while (!cancelled.get() && running < executor.slots()) {
                    last = oracle.next();
                    if (!last.isTrial()) {
                        break;
                    }
                    Trial trial = last.trial();
                    TrialResult earlier = recorded.get(trial.number());
                    if (earlier != null) {
                        resume(trial, earlier);
                    } else {
                        launch(trial);
                    }
                }
                if (running == 0) {
                    if (cancelled.get() || last.isDone()) {
                        break;
                    }
                    throw new IllegalStateException("the " + algorithm.name() + " oracle waits with no trial running");
                }
                TrialResult r;
                try {
                    r = finished.take();
                } catch (InterruptedException e) {
                    // Interrupting the search's thread cancels it; the running trials still end before it returns,
                    // and the thread is interrupted again then, for its owner to see.
                    cancel();
                    interrupted = true;
                    continue;
                }
                running--;
                finish(r);
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            boolean stopped = !last.isDone() || dropped > 0;
            SearchOutcome outcome = new SearchOutcome(problem.goal(), new ArrayList<>(results.values()), stopped);
            listeners.forEach(l -> l.searchFinished(outcome));
            return outcome;
        }

        /** A trial finished in an earlier run: its record, checked to be the very trial proposed now. */
        private void resume(Trial trial, TrialResult earlier) {
            if (!earlier.trial().sameAs(trial)) {
                throw new PlaygroundException("Cannot resume the search in " + folder.directory() + ": its record of "
                        + "trial " + trial.number() + " (" + earlier.trial() + ") is not the trial this search proposes ("
                        + trial + "); was it edited, or made by another version? Use another folder");
            }
            TrialResult r = new TrialResult(trial, earlier.status(), earlier.value(), earlier.history(),
                    earlier.epochsRun(), earlier.error(), earlier.elapsedMillis());
            oracle.report(r);
            results.put(r.number(), r);
            listeners.forEach(l -> l.trialResumed(r));
            progress();
        }

        private void launch(Trial trial) {
            running++;
            listeners.forEach(l -> l.trialStarted(trial));
            progress();
            TrialJob job = new TrialJob(trial, objective, context(trial));
            try {
                executor.submit(job).whenComplete((r, e) -> finished.add(r != null ? r
                        : TrialResult.failed(trial, "the executor failed: " + describe(e), List.of(), 0)));
            } catch (RuntimeException e) {
                finished.add(TrialResult.failed(trial, "the executor refused the trial: " + describe(e), List.of(), 0));
            }
        }

        private TrialContext context(Trial trial) {
            return new TrialContext() {
                @Override
                public void epochEnded(int epoch, Map<String, Double> metrics) {
                    listeners.forEach(l -> l.epochEnded(trial, epoch, metrics));
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }

                @Override
                public Optional<Path> checkpointDirectory(int trialNumber) {
                    return folder == null ? Optional.empty() : Optional.of(folder.checkpointDirectory(trialNumber));
                }
            };
        }

        private void finish(TrialResult r) {
            if (r.status() == TrialResult.Status.CANCELLED) {
                dropped++;
                progress();
                return;
            }
            if (folder != null) {
                folder.write(r);
            }
            ranHere++;
            oracle.report(r);
            results.put(r.number(), r);
            if (r.isCompleted()) {
                listeners.forEach(l -> l.trialFinished(r));
            } else {
                listeners.forEach(l -> l.trialFailed(r));
            }
            progress();
        }

        private void progress() {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            int planned = Math.max(oracle.plannedTrials(), results.size());
            Optional<Duration> remaining = ranHere == 0 ? Optional.empty()
                    : Optional.of(elapsed.multipliedBy(Math.max(0, planned - results.size())).dividedBy(ranHere));
            Progress p = new Progress(results.size(), planned, running, elapsed, remaining);
            listeners.forEach(l -> l.progress(p));
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** A search's settings; only the problem, the algorithm and the objective are required. */
    public static final class Builder {
        private final SearchProblem problem;
        private final Algorithm algorithm;
        private final Objective objective;
        private long seed;
        private TrialExecutor executor;
        private Path folder;
        private Map<String, Object> trainedOn;
        private final List<SearchListener> listeners = new ArrayList<>();

        private Builder(SearchProblem problem, Algorithm algorithm, Objective objective) {
            if (problem == null || algorithm == null || objective == null) {
                throw new IllegalArgumentException("a search needs a problem, an algorithm and an objective");
            }
            this.problem = problem;
            this.algorithm = algorithm;
            this.objective = objective;
        }

        /** The seed of every draw; 0 unless set. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Where trials run; a {@link LocalTrialExecutor} with a thread per core, closed at the end, unless set. */
        public Builder executor(TrialExecutor e) {
            this.executor = e;
            return this;
        }

        /** The results folder: made if new, resumed if it holds this search already. None unless set. */
        public Builder resultsFolder(Path dir) {
            this.folder = dir;
            return this;
        }

        /**
         * What the objective trains on (the data, its split, all the network that the space leaves alone), as plain
         * values. A results folder keeps it, and one made with other values is refused: its trials' scores were
         * measured on something else. None unless set.
         */
        public Builder trainedOn(Map<String, Object> description) {
            this.trainedOn = description == null ? null : new java.util.LinkedHashMap<>(description);
            return this;
        }

        public Builder listener(SearchListener l) {
            listeners.add(l);
            return this;
        }

        public Search build() {
            return new Search(this);
        }
    }
}
