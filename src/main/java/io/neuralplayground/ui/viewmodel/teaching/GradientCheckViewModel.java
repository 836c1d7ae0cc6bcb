package io.neuralplayground.ui.viewmodel.teaching;

import io.neuralplayground.engine.GradientCheck;
import io.neuralplayground.engine.Loss;
import io.neuralplayground.engine.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The gradient check of the teaching views: backprop's gradient against the central finite difference for every
 * parameter of the {@link TeachingContext}'s network, on the context's example or on a minibatch of the playground's
 * first training examples, computed by {@link GradientCheck}.
 *
 * <p>The check runs on {@code executor} (a background thread in the window: a model from a file may have many
 * parameters, each costing four forward passes) and its result comes back through {@code fxThread}, which the
 * window points at {@code Platform::runLater}. Tests pass {@code Runnable::run} for both. Like every view model
 * here it needs no FX thread.
 */
public final class GradientCheckViewModel {
    /** Relative errors below this are green: backprop and the difference agree to rounding. */
    public static final double GOOD_BELOW = 1e-6;
    /** Relative errors above this are red: a bug, or a difference taken across a kink. Between: amber. */
    public static final double BAD_ABOVE = 1e-4;
    /** The minibatch size offered first. */
    public static final int DEFAULT_MINIBATCH = 10;

    /** How far backprop and the finite difference are apart. */
    public enum Level {
        /** Below {@link #GOOD_BELOW}. */
        GOOD,
        /** From {@link #GOOD_BELOW} to {@link #BAD_ABOVE}. */
        FAIR,
        /** Above {@link #BAD_ABOVE}, or not a number. */
        BAD
    }

    /** Which examples the check runs on. */
    public enum ExampleChoice {
        /** The context's example or minibatch (the one the backprop stepper shows). */
        CONTEXT,
        /** The first {@link #minibatchSizeProperty() N} training examples of the playground. */
        PLAYGROUND_MINIBATCH
    }

    /**
     * One parameter's line.
     *
     * @param index    its place in {@link GradientCheck}'s order (layer by layer, kernel row-major, then bias)
     * @param entry    the numbers
     * @param textbook "W(2)[1,3]" (the weight into unit 1 from input 3 of layer 2, W = Kᵀ) or "b(2)[1]"
     * @param keras    "layer 1 kernel[3][1]" or "layer 1 bias[1]"
     */
    public record Row(int index, GradientCheck.Entry entry, String textbook, String keras) {
        public double backprop() {
            return entry.backprop();
        }

        public double numeric() {
            return entry.numeric();
        }

        public double relativeError() {
            return entry.relativeError();
        }

        public Level level() {
            return GradientCheckViewModel.level(entry.relativeError());
        }
    }

    private final TeachingContext context;
    private final Executor executor;
    private final Consumer<Runnable> fxThread;

    private final ObjectProperty<ExampleChoice> exampleChoice = new SimpleObjectProperty<>(this, "exampleChoice",
            ExampleChoice.CONTEXT);
    private final IntegerProperty minibatchSize = new SimpleIntegerProperty(this, "minibatchSize",
            DEFAULT_MINIBATCH);
    private final DoubleProperty showAbove = new SimpleDoubleProperty(this, "showAbove", 0);

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper minibatchAvailable = new ReadOnlyBooleanWrapper(this, "minibatchAvailable");
    private final ReadOnlyObjectWrapper<GradientCheck.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Row> worst = new ReadOnlyObjectWrapper<>(this, "worst");
    private final ReadOnlyDoubleWrapper largestError = new ReadOnlyDoubleWrapper(this, "largestError", Double.NaN);
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper examplesText = new ReadOnlyStringWrapper(this, "examplesText", "");
    private final ReadOnlyStringWrapper loss = new ReadOnlyStringWrapper(this, "loss", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final FilteredList<Row> shown = new FilteredList<>(rowsView);

    /** The examples the context held before this view put a playground minibatch there, to give them back. */
    private Examples beforeMinibatch;
    private Examples ownMinibatch;
    /** What the shown result was computed on. */
    private TeachingNetwork checkedNetwork;
    private Examples checkedExamples;
    /** Counts runs, so that only the newest run's result is shown. */
    private long generation;
    /** Set while the choice follows the context rather than the user. */
    private boolean adjusting;

    /**
     * @param context  the network and examples of the teaching views
     * @param executor where the check runs: a background thread in the window, the calling thread in tests
     * @param fxThread where results are published: {@code Platform::runLater} in the window, {@code Runnable::run}
     *                 in tests
     */
    public GradientCheckViewModel(TeachingContext context, Executor executor, Consumer<Runnable> fxThread) {
        this.context = Objects.requireNonNull(context);
        this.executor = Objects.requireNonNull(executor);
        this.fxThread = Objects.requireNonNull(fxThread);
        showAbove.addListener((o, was, now) -> applyFilter());
        applyFilter();
        context.networkProperty().addListener((o, was, now) -> contextChanged());
        context.examplesProperty().addListener((o, was, now) -> contextChanged());
        exampleChoice.addListener((o, was, now) -> choiceChanged(now));
        minibatchSize.addListener((o, was, now) -> {
            if (exampleChoice.get() == ExampleChoice.PLAYGROUND_MINIBATCH && result.get() != null) {
                run();
            }
        });
        contextChanged();
    }

    /** The colour class of a relative error: below 1e-6 good, up to 1e-4 fair, above (or NaN) bad. */
    public static Level level(double relativeError) {
        if (!(relativeError <= BAD_ABOVE)) {
            return Level.BAD;
        }
        return relativeError < GOOD_BELOW ? Level.GOOD : Level.FAIR;
    }

    /** "W(2)[1,3]": layer k of the textbook is the network's layer k−1 (Keras' numbering), W = Kᵀ so W[unit, input]. */
    public static String textbookName(GradientCheck.Entry e) {
        int k = e.layer() + 1;
        return e.bias() ? "b(" + k + ")[" + e.col() + "]" : "W(" + k + ")[" + e.col() + "," + e.row() + "]";
    }

    /** "layer 1 kernel[3][1]", "layer 1 bias[1]": as the model file and Keras name it. */
    public static String kerasName(GradientCheck.Entry e) {
        return e.bias() ? String.format(Locale.ROOT, "layer %d bias[%d]", e.layer(), e.col())
                : String.format(Locale.ROOT, "layer %d kernel[%d][%d]", e.layer(), e.row(), e.col());
    }

    /** "1 example", "minibatch of 10". */
    public static String describe(Examples examples) {
        if (examples == null) {
            return "no example";
        }
        return examples.count() == 1 ? "1 example" : "minibatch of " + examples.count();
    }

    /**
     * Runs the check on the context's network and the chosen examples (for a playground minibatch, the context is
     * first given the playground's first {@code N} training examples). A run started while another one is busy
     * replaces it: only the newest result is shown.
     */
    public void run() {
        if (exampleChoice.get() == ExampleChoice.PLAYGROUND_MINIBATCH && minibatchAvailable.get()) {
            useMinibatch();
        }
        TeachingNetwork network = context.network();
        Examples examples = context.examples();
        if (network == null || examples == null) {
            message.set("Nothing to check yet: the teaching views have no network or no example.");
            return;
        }
        long run = ++generation;
        running.set(true);
        message.set("");
        Network weights = network.network();
        Loss chosenLoss = network.loss();
        double[][] inputs = examples.inputs();
        double[][] targets = examples.targets();
        executor.execute(() -> {
            GradientCheck.Result checked = null;
            String failure = null;
            try {
                checked = GradientCheck.run(weights, chosenLoss, inputs, targets);
            } catch (RuntimeException e) {
                failure = "The check failed: " + e.getMessage();
            }
            GradientCheck.Result done = checked;
            String error = failure;
            fxThread.accept(() -> publish(run, network, examples, done, error));
        });
    }

    private void publish(long run, TeachingNetwork network, Examples examples, GradientCheck.Result checked,
            String failure) {
        if (run != generation) {
            return;
        }
        running.set(false);
        if (failure != null) {
            message.set(failure);
            return;
        }
        checkedNetwork = network;
        checkedExamples = examples;
        List<Row> made = new ArrayList<>(checked.entries().size());
        Row worstRow = null;
        for (GradientCheck.Entry e : checked.entries()) {
            Row row = new Row(made.size(), e, textbookName(e), kerasName(e));
            made.add(row);
            if (e == checked.worst()) {
                worstRow = row;
            }
        }
        rows.setAll(made);
        result.set(checked);
        worst.set(worstRow);
        largestError.set(checked.maxRelativeError());
        source.set(network.source());
        loss.set(network.loss().kerasName());
        examplesText.set(describe(examples));
        message.set(Double.isNaN(checked.maxRelativeError()) || !network.network().isFinite()
                ? "The network's weights or losses are not finite numbers: no gradient can be checked." : "");
        updateStale();
    }

    /** Shows {@code result} as if a run had produced it (for pictures and tests of the colours). */
    public void show(GradientCheck.Result given) {
        long run = ++generation;
        publish(run, context.network(), context.examples(), given, null);
    }

    private void useMinibatch() {
        Examples current = context.examples();
        if (current != ownMinibatch) {
            beforeMinibatch = current;
        }
        context.usePlaygroundMinibatch(Math.max(1, minibatchSize.get()));
        ownMinibatch = context.examples();
    }

    private void choiceChanged(ExampleChoice now) {
        // Give the stepper back its own example when the check put a minibatch in its place and nobody since.
        if (now == ExampleChoice.CONTEXT && ownMinibatch != null && context.examples() == ownMinibatch
                && beforeMinibatch != null) {
            Examples restored = beforeMinibatch;
            ownMinibatch = null;
            beforeMinibatch = null;
            if (context.fits(restored)) {
                context.examplesProperty().set(restored);
            }
        }
        // Once something is shown, another choice shows its check at once rather than an outdated table.
        if (result.get() != null && !adjusting) {
            run();
        }
    }

    private void contextChanged() {
        TeachingNetwork n = context.network();
        minibatchAvailable.set(n != null && n.playground());
        if (!minibatchAvailable.get() && exampleChoice.get() == ExampleChoice.PLAYGROUND_MINIBATCH) {
            // Another network (an opened model, maybe big) is checked when the user asks, not on its arrival.
            adjusting = true;
            try {
                exampleChoice.set(ExampleChoice.CONTEXT);
            } finally {
                adjusting = false;
            }
        }
        updateStale();
    }

    private void updateStale() {
        stale.set(result.get() != null
                && (context.network() != checkedNetwork || context.examples() != checkedExamples));
    }

    private void applyFilter() {
        double above = showAbove.get();
        shown.setPredicate(above <= 0 ? null : row -> !(row.relativeError() <= above));
    }

    /** Takes a fresh copy of the playground's network (the teaching views work on a frozen copy). */
    public void followPlayground() {
        context.followPlayground();
    }

    public TeachingContext context() {
        return context;
    }

    /** Which examples {@link #run()} checks on. */
    public ObjectProperty<ExampleChoice> exampleChoiceProperty() {
        return exampleChoice;
    }

    /** N of the playground minibatch. */
    public IntegerProperty minibatchSizeProperty() {
        return minibatchSize;
    }

    /** Only rows with a relative error above this are {@link #shownRows() shown}; 0 shows all. */
    public DoubleProperty showAboveProperty() {
        return showAbove;
    }

    /** Whether a check is running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Whether the context's network or examples changed since the shown result was computed. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Whether a playground minibatch can be chosen (the context works on the playground's network). */
    public ReadOnlyBooleanProperty minibatchAvailableProperty() {
        return minibatchAvailable.getReadOnlyProperty();
    }

    /** The newest result, null before the first run. */
    public ReadOnlyObjectProperty<GradientCheck.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The row with the largest relative error, null before the first run. */
    public ReadOnlyObjectProperty<Row> worstProperty() {
        return worst.getReadOnlyProperty();
    }

    /** The largest relative error, NaN before the first run. */
    public ReadOnlyDoubleProperty largestErrorProperty() {
        return largestError.getReadOnlyProperty();
    }

    /** Where the checked network came from: "the playground" or a file name. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** "1 example" or "minibatch of 10": what the shown result was computed on. */
    public ReadOnlyStringProperty examplesTextProperty() {
        return examplesText.getReadOnlyProperty();
    }

    /** The loss's Keras name. */
    public ReadOnlyStringProperty lossProperty() {
        return loss.getReadOnlyProperty();
    }

    /** What went wrong, or "". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Every parameter's row, in {@link GradientCheck}'s order. */
    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** The rows above {@link #showAboveProperty()}. */
    public ObservableList<Row> shownRows() {
        return shown;
    }
}
