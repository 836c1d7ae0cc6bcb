package io.neuralplayground.ui.viewmodel.tuning;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.app.PlaygroundObjective;
import io.neuralplayground.engine.EpochResult;
import io.neuralplayground.engine.Network;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.tune.Algorithm;
import io.neuralplayground.tune.Goal;
import io.neuralplayground.tune.Hyperparameter;
import io.neuralplayground.tune.LocalTrialExecutor;
import io.neuralplayground.tune.Progress;
import io.neuralplayground.tune.Search;
import io.neuralplayground.tune.SearchOutcome;
import io.neuralplayground.tune.SearchProblem;
import io.neuralplayground.tune.SearchSpace;
import io.neuralplayground.tune.SearchSpaceFile;
import io.neuralplayground.tune.TrialResult;
import io.neuralplayground.tune.TrialTable;
import io.neuralplayground.ui.viewmodel.images.ImageProgressText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tuning tab: a hyperparameter search over the playground's network on its data, set up in rows, run in the
 * background, watched live (the table of trials, the optimization history, every learning curve, the parallel
 * coordinates) and ended with the best trial measured once on the test data, ready to "Apply best".
 *
 * <p>The search runs on a thread of its own with its trials on {@link #parallelProperty()} threads of a
 * {@link LocalTrialExecutor}; what it says waits in a {@link SearchInbox} until the window's next frame
 * ({@link #onFrame()}). Each trial is the same {@link PlaygroundObjective} the {@code tune} command runs, so the
 * window and the command line find the same trials with the same scores. FX thread only, but for the search.
 */
public final class TuningViewModel implements AutoCloseable {
    /** The algorithms, as the tab names them. */
    public enum AlgorithmChoice {
        GRID("Grid"), RANDOM("Random"), TPE("TPE (Bayesian)"), HYPERBAND("Hyperband");

        private final String title;

        AlgorithmChoice(String title) {
            this.title = title;
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** Where the tab stands. */
    public enum Phase {
        READY, RUNNING, CANCELLING, FINISHED, CANCELLED
    }

    /** The objectives a trial reports (never a test figure). */
    public static final List<String> OBJECTIVES = List.of("val_loss", "val_accuracy", "loss", "accuracy");
    /** The hyperparameters the playground knows, in the order a user thinks of them. */
    public static final List<String> NAMES = List.of("layers", "units", "units_1", "units_2", "units_3", "units_4",
            "units_5", "units_6", "activation", "learning_rate", "batch_size", "optimizer", "regularization",
            "regularization_rate", "features");
    /** Frames at most this often take what the search said (the charts redraw then), in nanoseconds. */
    static final long DEFAULT_FRAME_GAP_NANOS = 100_000_000L;
    private static final double DEFAULT_VALIDATION_SHARE = 0.2;

    private final Supplier<PlaygroundSettings> playground;
    private final BiConsumer<PlaygroundSettings, Network> applier;
    private final Executor background;
    private final Consumer<Runnable> fxThread;
    private final long frameGapNanos;

    private final ObservableList<SpaceRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> objective = new SimpleObjectProperty<>(this, "objective", "val_loss");
    private final ObjectProperty<AlgorithmChoice> algorithm =
            new SimpleObjectProperty<>(this, "algorithm", AlgorithmChoice.TPE);
    private final IntegerProperty trials = new SimpleIntegerProperty(this, "trials", 30);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 100);
    private final IntegerProperty maxEpochs = new SimpleIntegerProperty(this, "maxEpochs", 81);
    private final IntegerProperty factor = new SimpleIntegerProperty(this, "factor", 3);
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "iterations", 1);
    private final IntegerProperty parallel =
            new SimpleIntegerProperty(this, "parallel", Runtime.getRuntime().availableProcessors());
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(this, "seed");
    private final ObjectProperty<Path> resultsFolder = new SimpleObjectProperty<>(this, "resultsFolder");
    private final BooleanProperty earlyStopping = new SimpleBooleanProperty(this, "earlyStopping", true);

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.READY);
    private final javafx.beans.binding.BooleanBinding searching = phase.isEqualTo(Phase.RUNNING)
            .or(phase.isEqualTo(Phase.CANCELLING));
    private final ObservableList<TrialRow> table = FXCollections.observableArrayList();
    private final Map<Integer, Integer> rowOf = new HashMap<>();
    private final Map<Integer, TrialResult> results = new TreeMap<>();
    private final LearningCurves curves = new LearningCurves();
    private final ReadOnlyObjectWrapper<SearchProblem> running = new ReadOnlyObjectWrapper<>(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText",
            "Set up the search and press Start");
    private final ReadOnlyStringWrapper bestText = new ReadOnlyStringWrapper(this, "bestText", "");
    private final ReadOnlyBooleanWrapper canApplyBest = new ReadOnlyBooleanWrapper(this, "canApplyBest");
    private final ReadOnlyBooleanWrapper canExport = new ReadOnlyBooleanWrapper(this, "canExport");
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    private Search search;
    private SearchInbox inbox;
    private PlaygroundObjective searched;
    private PlaygroundObjective.TrainedTrial bestTrained;
    private Progress lastProgress;
    /** Bumped by each Start and by close: the best trial's training again stops when it is not the latest's. */
    private final AtomicInteger generation = new AtomicInteger();
    /** Whether the search shown writes its trials to a results folder. */
    private boolean searchHasFolder;
    /** How many finished trials the last export of the table held; -1 when it was not exported. */
    private int exportedTrials = -1;
    private long lastDrain;

    /**
     * @param playground the playground's settings now: the data, its split and all a search does not vary
     * @param applier    what "Apply best" does with the best trial's settings and trained network
     * @param background where the best trial is trained again for its test figures, and files are read and written
     * @param fxThread   how background results come back to the FX thread
     */
    public TuningViewModel(Supplier<PlaygroundSettings> playground, BiConsumer<PlaygroundSettings, Network> applier,
            Executor background, Consumer<Runnable> fxThread) {
        this(playground, applier, background, fxThread, DEFAULT_FRAME_GAP_NANOS);
    }

    TuningViewModel(Supplier<PlaygroundSettings> playground, BiConsumer<PlaygroundSettings, Network> applier,
            Executor background, Consumer<Runnable> fxThread, long frameGapNanos) {
        this.playground = playground;
        this.applier = applier;
        this.background = background;
        this.fxThread = fxThread;
        this.frameGapNanos = frameGapNanos;
        rows.setAll(defaultRows());
    }

    /** The lecture's first search: depth, width, activation and a log-uniform learning rate. */
    static List<SpaceRow> defaultRows() {
        return List.of(new SpaceRow("layers", "1..3", ""), new SpaceRow("units", "2..8 step 2", ""),
                new SpaceRow("activation", "relu, tanh, sigmoid", ""),
                new SpaceRow("learning_rate", "0.001..1.0 log", ""));
    }

    /** A row for {@code name}, with values a user would start from. */
    public SpaceRow addRow(String name) {
        String values = switch (name) {
            case "layers" -> "1..3";
            case "activation" -> "relu, tanh, sigmoid";
            case "learning_rate" -> "0.001..1.0 log";
            case "batch_size" -> "1, 10, 30";
            case "optimizer" -> "sgd, momentum, rmsprop, adam";
            case "regularization" -> "none, l1, l2";
            case "regularization_rate" -> "0.0001..0.1 log";
            case "features" -> "\"x1,x2\", all";
            default -> "2..8 step 2";
        };
        SpaceRow row = new SpaceRow(name, values, "");
        rows.add(row);
        return row;
    }

    /**
     * The search the rows and settings say, checked as the search will check it.
     *
     * @throws PlaygroundException naming what is wrong (a row's text, an unknown name, a missing row)
     */
    public SearchProblem problem() {
        List<Hyperparameter> used = new ArrayList<>();
        for (SpaceRow row : rows) {
            if (row.usedProperty().get()) {
                used.add(row.hyperparameter());
            }
        }
        if (used.isEmpty()) {
            throw new PlaygroundException("The search space is empty: tick at least one hyperparameter");
        }
        for (Hyperparameter h : used) {
            for (String parent : h.condition().requirements().keySet()) {
                boolean unticked = rows.stream().anyMatch(r -> r.name().get().equals(parent)
                        && !r.usedProperty().get());
                if (unticked) {
                    throw new PlaygroundException(h.name() + " is searched only when " + parent + " has some "
                            + "values, but the " + parent + " row is not ticked: tick it, or clear " + h.name()
                            + "'s Only when");
                }
            }
        }
        return new SearchProblem(Goal.of(objective.get()), new SearchSpace(used));
    }

    /** The algorithm the settings say. */
    Algorithm chosenAlgorithm() {
        return switch (algorithm.get()) {
            case GRID -> Algorithm.grid(epochs.get()).withMaxTrials(trials.get());
            case RANDOM -> Algorithm.random(trials.get(), epochs.get());
            case TPE -> Algorithm.tpe(trials.get(), epochs.get());
            case HYPERBAND -> Algorithm.hyperband(maxEpochs.get(), factor.get()).withIterations(iterations.get());
        };
    }

    /**
     * Starts the search; a bad setting leaves everything as it was and says why in {@link #errorProperty()}.
     *
     * @return whether it started
     */
    public boolean start() {
        if (searching()) {
            return false;
        }
        SearchProblem problem;
        PlaygroundObjective objectiveNow;
        Algorithm chosen;
        long seedNow;
        try {
            problem = problem();
            PlaygroundSettings base = playground.get();
            if (base.validationShare() == 0 && problem.goal().metric().startsWith("val_")) {
                base = base.withValidationShare(DEFAULT_VALIDATION_SHARE);
            }
            objectiveNow = new PlaygroundObjective(base.withEarlyStopping(null), problem.goal(),
                    earlyStopping.get() ? base.earlyStopping() : null);
            objectiveNow.check(problem.space());
            chosen = chosenAlgorithm();
            if (parallel.get() < 1) {
                throw new PlaygroundException("Parallel trials must be at least 1, not " + parallel.get());
            }
            seedNow = seed.get() != null ? seed.get() : base.seed();
        } catch (PlaygroundException | IllegalArgumentException e) {
            reportError(e.getMessage());
            return false;
        }
        error.set("");
        generation.incrementAndGet();
        table.clear();
        rowOf.clear();
        results.clear();
        canExport.set(false);
        curves.clear(chosen instanceof Algorithm.Hyperband h ? h.maxEpochs() : epochs.get());
        bestTrained = null;
        canApplyBest.set(false);
        bestText.set("");
        lastProgress = null;
        searched = objectiveNow;
        running.set(problem);
        inbox = new SearchInbox(problem.goal().metric());
        LocalTrialExecutor executor = new LocalTrialExecutor(parallel.get());
        Search.Builder builder = Search.builder(problem, chosen, objectiveNow).seed(seedNow)
                .trainedOn(objectiveNow.description(problem.space()))
                .executor(executor).listener(inbox);
        if (resultsFolder.get() != null) {
            builder.resultsFolder(resultsFolder.get());
        }
        searchHasFolder = resultsFolder.get() != null;
        exportedTrials = -1;
        search = builder.build();
        Search thisSearch = search;
        SearchInbox thisInbox = inbox;
        Thread thread = new Thread(() -> {
            try {
                thisSearch.run();
            } catch (RuntimeException e) {
                // The trials still running stop at their next epoch rather than train on for nothing.
                thisSearch.cancel();
                thisInbox.failed(e.getMessage() == null ? e.toString() : e.getMessage());
            } finally {
                // A search closes only an executor it made itself.
                executor.close();
            }
        }, "tuning-search");
        thread.setDaemon(true);
        phase.set(Phase.RUNNING);
        progress.set(0);
        progressText.set("Starting the search (" + chosen.name() + ", seed " + seedNow + ")…");
        revision.set(revision.get() + 1);
        thread.start();
        return true;
    }

    /** Stops the search: no trial starts, running ones stop at their next epoch; finished ones stay recorded. */
    public void cancel() {
        if (phase.get() == Phase.RUNNING && search != null) {
            search.cancel();
            phase.set(Phase.CANCELLING);
            progressText.set("Cancelling: the running trials stop at their next epoch…");
        }
    }

    /**
     * Whether the table holds finished trials that are nowhere else: the search had no results folder and the table
     * was not exported since. Starting another search or quitting would lose them.
     */
    public boolean resultsWouldBeLost() {
        return !results.isEmpty() && !searchHasFolder && exportedTrials != results.size();
    }

    /** Whether a search runs (or is stopping): quitting now would stop it. */
    public boolean searching() {
        return searching.get();
    }

    /** {@link #searching()} to bind to: Start and the results folder are off meanwhile. */
    public javafx.beans.binding.BooleanExpression searchingProperty() {
        return searching;
    }

    /** Takes what the search said since the last frame, at most every {@link #DEFAULT_FRAME_GAP_NANOS}. */
    public void onFrame() {
        if (inbox == null) {
            return;
        }
        long now = System.nanoTime();
        if (frameGapNanos > 0 && now - lastDrain < frameGapNanos) {
            return;
        }
        lastDrain = now;
        List<SearchInbox.Event> events = inbox.drain();
        if (events.isEmpty()) {
            return;
        }
        Map<Integer, Integer> epochOf = new HashMap<>();
        for (SearchInbox.Event e : events) {
            if (e instanceof SearchInbox.Started s) {
                put(TrialRow.started(s.trial()));
                curves.start(s.trial().number(), s.trial().parent().isPresent()
                        ? s.trial().parent().getAsInt() : null);
            } else if (e instanceof SearchInbox.Epoch ep) {
                curves.record(ep.trial().number(), ep.epoch(), ep.value());
                epochOf.put(ep.trial().number(), ep.epoch());
            } else if (e instanceof SearchInbox.Ended end) {
                ended(end.result(), end.resumed(), epochOf);
            } else if (e instanceof SearchInbox.Moved m) {
                lastProgress = m.progress();
            } else if (e instanceof SearchInbox.Finished f) {
                finished(f.outcome());
            } else if (e instanceof SearchInbox.Failed f) {
                phase.set(Phase.READY);
                stopRunningRows();
                progressText.set("The search stopped: " + f.message());
                reportError("The search stopped: " + f.message());
            }
        }
        epochOf.forEach((number, epoch) -> {
            Integer at = rowOf.get(number);
            // A row stopped in this same frame still takes the epochs it ran before the stop.
            TrialRow.State state = at == null ? null : table.get(at).state();
            if (state == TrialRow.State.RUNNING || state == TrialRow.State.STOPPED) {
                table.set(at, table.get(at).at(epoch));
            }
        });
        if (lastProgress != null && (phase.get() == Phase.RUNNING || phase.get() == Phase.CANCELLING)) {
            progress.set(lastProgress.fraction());
            if (phase.get() == Phase.RUNNING) {
                progressText.set(runningText(lastProgress));
            }
        }
        if (phase.get() == Phase.RUNNING || phase.get() == Phase.CANCELLING) {
            bestSoFar();
        }
        revision.set(revision.get() + 1);
    }

    /** The trials still running when the search ended (cancelled, or failed): stopped where they are. */
    private void stopRunningRows() {
        for (int i = 0; i < table.size(); i++) {
            if (table.get(i).state() == TrialRow.State.RUNNING) {
                table.set(i, table.get(i).stopped());
                curves.stopped(table.get(i).number());
            }
        }
    }

    private void ended(TrialResult r, boolean resumed, Map<Integer, Integer> epochOf) {
        put(TrialRow.ended(r, resumed));
        epochOf.remove(r.number());
        results.put(r.number(), r);
        canExport.set(true);
        String metric = running.get().goal().metric();
        curves.end(r.number(), r.trial().parent().isPresent() ? r.trial().parent().getAsInt() : null,
                !r.isCompleted(), r.history().stream().map(m -> m.getOrDefault(metric, Double.NaN)).toList());
    }

    private void put(TrialRow row) {
        Integer at = rowOf.get(row.number());
        if (at == null) {
            rowOf.put(row.number(), table.size());
            table.add(row);
        } else {
            table.set(at, row);
        }
    }

    /** "12 of 30 trials · 2 running · 42 s so far · about 1 min 05 s left". */
    static String runningText(Progress p) {
        String left = p.remaining().map(d -> " · about " + ImageProgressText.duration(d.toMillis() / 1000.0)
                + " left").orElse("");
        return p.done() + " of " + p.planned() + " trials · " + p.running() + " running · "
                + ImageProgressText.duration(p.elapsed().toMillis() / 1000.0) + " so far" + left;
    }

    private void bestSoFar() {
        bestResult().ifPresent(b -> bestText.set("Best so far: trial " + b.number() + ", "
                + running.get().goal().metric() + " " + score(b.value())));
    }

    private java.util.Optional<TrialResult> bestResult() {
        return new SearchOutcome(running.get().goal(), new ArrayList<>(results.values()), false).best();
    }

    private void finished(SearchOutcome outcome) {
        long failed = outcome.trials().stream().filter(t -> !t.isCompleted()).count();
        Phase end = outcome.cancelled() ? Phase.CANCELLED : Phase.FINISHED;
        phase.set(end);
        stopRunningRows();
        progress.set(end == Phase.FINISHED ? 1 : progress.get());
        String time = lastProgress == null ? "" : " in " + ImageProgressText.duration(
                lastProgress.elapsed().toMillis() / 1000.0);
        long resumed = table.stream().filter(TrialRow::resumed).count();
        // The time is this run's: trials read back from a results folder took theirs in an earlier one.
        String counted = resumed == 0 ? outcome.trials().size() + " trials" + time
                : outcome.trials().size() + " trials: " + resumed + " read back from the results folder, "
                        + (outcome.trials().size() - resumed) + " run" + time;
        progressText.set(end == Phase.FINISHED
                ? counted + (failed > 0 ? " (" + failed + " failed)" : "")
                : "Cancelled after " + outcome.trials().size() + " trials" + (resultsFolder.get() != null
                        ? "; Start again with the same results folder to resume" : ""));
        var best = outcome.best();
        if (best.isEmpty()) {
            bestText.set(outcome.trials().isEmpty() ? "" : "No trial completed: see the table's errors");
            return;
        }
        TrialResult b = best.get();
        String metric = outcome.goal().metric();
        bestText.set("Best: trial " + b.number() + ", " + metric + " " + score(b.value())
                + " · measuring it once on the test data…");
        PlaygroundObjective objectiveNow = searched;
        int mine = generation.get();
        CompletableFuture.supplyAsync(() -> objectiveNow.train(b.trial(), (e, m) -> {
            if (generation.get() != mine) {
                throw new java.util.concurrent.CancellationException("a newer search started");
            }
        }), background)
                .whenComplete((trained, failure) -> fxThread.accept(() -> {
                    if (generation.get() != mine) {
                        return; // a newer search started meanwhile, or the tab closed
                    }
                    if (failure != null) {
                        bestText.set("Best: trial " + b.number() + ", " + metric + " " + score(b.value())
                                + " · it could not be trained again: " + message(failure));
                        return;
                    }
                    bestTrained = trained;
                    canApplyBest.set(true);
                    bestText.set("Best: trial " + b.number() + ", " + metric + " " + score(b.value())
                            + " · on the test data (measured once, after the search): " + testFigures(trained));
                }));
    }

    private static String testFigures(PlaygroundObjective.TrainedTrial t) {
        EpochResult r = t.best();
        return String.format(Locale.ROOT, "loss %.4f", r.testLoss()) + (r.hasAccuracy()
                ? String.format(Locale.ROOT, ", accuracy %.1f %%", 100 * r.testAccuracy()) : "");
    }

    static String score(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Makes the best trial's settings and trained weights the playground's network. */
    public boolean applyBest() {
        if (bestTrained == null) {
            return false;
        }
        // The trial trained without the playground's early stopping (or with the tab's own choice of it); the
        // playground keeps its rule.
        applier.accept(bestTrained.settings().withEarlyStopping(playground.get().earlyStopping()),
                bestTrained.network().copy());
        return true;
    }

    /** The best trial's settings and trained network, once measured after the search; null before. */
    public PlaygroundObjective.TrainedTrial bestTrained() {
        return bestTrained;
    }

    /** Writes the table of trials as CSV (Optuna's columns), off the FX thread. */
    public CompletableFuture<Path> exportCsv(Path file) {
        SearchProblem problem = running.get();
        if (problem == null || results.isEmpty()) {
            PlaygroundException none = new PlaygroundException("No trial has finished yet: there is no table to "
                    + "export");
            reportError(none.getMessage());
            return CompletableFuture.failedFuture(none);
        }
        List<TrialResult> list = new ArrayList<>(results.values());
        int mine = generation.get();
        return reported(onFx(CompletableFuture.supplyAsync(() -> {
            TrialTable.writeCsv(file, problem.space(), list);
            return file;
        }, background)).thenApply(written -> {
            if (generation.get() == mine) {
                exportedTrials = list.size(); // of this search's table, not of one started since
            }
            return written;
        }), "Wrote the " + list.size() + (list.size() == 1 ? " trial to " : " trials to ")
                + file.getFileName());
    }

    /** Reads a search space file (JSON or YAML) into the rows and the objective; a bad file changes nothing. */
    public CompletableFuture<SearchProblem> openSpace(Path file) {
        return onFx(CompletableFuture.supplyAsync(() -> SearchSpaceFile.read(file), background)).whenComplete(
                (problem, failure) -> {
                    if (failure != null) {
                        reportError(message(failure));
                        return;
                    }
                    rows.setAll(problem.space().hyperparameters().stream().map(SpaceRow::of).toList());
                    if (OBJECTIVES.contains(problem.goal().metric())) {
                        objective.set(problem.goal().metric());
                    }
                    int n = problem.space().hyperparameters().size();
                    note.set("Opened " + file.getFileName() + ": " + n
                            + (n == 1 ? " hyperparameter" : " hyperparameters"));
                });
    }

    /** Writes the rows and the objective as a JSON search space file, atomically. */
    public CompletableFuture<Path> saveSpace(Path file) {
        SearchProblem problem;
        try {
            problem = problem();
        } catch (PlaygroundException e) {
            reportError(e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        return reported(onFx(CompletableFuture.supplyAsync(() -> {
            SearchSpaceFile.write(file, problem);
            return file;
        }, background)), "Saved the search space to " + file.getFileName());
    }

    /** {@code f}, which on success sets {@code done} as the note and on failure says why as the error. */
    private <T> CompletableFuture<T> reported(CompletableFuture<T> f, String done) {
        return f.whenComplete((v, failure) -> {
            if (failure != null) {
                reportError(message(failure));
            } else {
                note.set(done);
            }
        });
    }

    /** {@code f}'s outcome, handed on on the FX thread. */
    private <T> CompletableFuture<T> onFx(CompletableFuture<T> f) {
        CompletableFuture<T> out = new CompletableFuture<>();
        f.whenComplete((v, e) -> fxThread.accept(() -> {
            if (e != null) {
                out.completeExceptionally(cause(e));
            } else {
                out.complete(v);
            }
        }));
        return out;
    }

    private void reportError(String message) {
        // Set afresh so that the same message twice still reaches a listener.
        error.set("");
        error.set(message);
    }

    static String message(Throwable t) {
        Throwable cause = cause(t);
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** What went wrong in a background step, without the wrapping a {@code CompletableFuture} adds. */
    private static Throwable cause(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        if (search != null) {
            search.cancel();
        }
    }

    /** Trial rows in the order they started. */
    public ObservableList<TrialRow> trials() {
        return table;
    }

    /** Every finished trial, by number. */
    public List<TrialResult> results() {
        return List.copyOf(results.values());
    }

    /** Each completed trial's objective by trial number, with the best so far (Optuna's optimization history). */
    public List<HistoryPoint> history() {
        List<HistoryPoint> points = new ArrayList<>();
        SearchProblem p = running.get();
        if (p == null) {
            return points;
        }
        double best = Double.NaN;
        for (TrialResult r : results.values()) {
            if (r.isCompleted()) {
                if (Double.isNaN(best) || p.goal().isBetter(r.value(), best)) {
                    best = r.value();
                }
                points.add(new HistoryPoint(r.number(), r.value(), best));
            }
        }
        return points;
    }

    /** A point of the optimization history. */
    public record HistoryPoint(int trial, double value, double bestSoFar) {
    }

    public LearningCurves curves() {
        return curves;
    }

    public ObservableList<SpaceRow> rows() {
        return rows;
    }

    public ObjectProperty<String> objectiveProperty() {
        return objective;
    }

    public ObjectProperty<AlgorithmChoice> algorithmProperty() {
        return algorithm;
    }

    public IntegerProperty trialsProperty() {
        return trials;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty maxEpochsProperty() {
        return maxEpochs;
    }

    public IntegerProperty factorProperty() {
        return factor;
    }

    /** Hyperband's passes through all its brackets (KerasTuner's {@code hyperband_iterations}). */
    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    public IntegerProperty parallelProperty() {
        return parallel;
    }

    /** The search's seed; null for the playground's. */
    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    /** The playground's seed, which a search without a seed of its own takes. */
    public long playgroundSeed() {
        return playground.get().seed();
    }

    /** The results folder (resumed when it holds this search already); null for none. */
    public ObjectProperty<Path> resultsFolderProperty() {
        return resultsFolder;
    }

    /** Whether each trial stops early by the playground's early-stopping rule (when it has one on). */
    public BooleanProperty earlyStoppingProperty() {
        return earlyStopping;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** The problem of the search shown (its space and goal), null before the first. */
    public ReadOnlyObjectProperty<SearchProblem> shownProblemProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bestTextProperty() {
        return bestText.getReadOnlyProperty();
    }

    /** Whether a trial has ended, so that there is a table to export. */
    public ReadOnlyBooleanProperty canExportProperty() {
        return canExport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyBestProperty() {
        return canApplyBest.getReadOnlyProperty();
    }

    /** Bumped after each frame that changed the results: the charts redraw then. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** What the last file action did ("Wrote the 30 trials to trials.csv"); empty before one. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The last problem met (a bad setting, an unreadable file), for an alert; blank when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
