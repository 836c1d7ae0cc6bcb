package io.neuralplayground.ui.viewmodel;

import io.neuralplayground.data.Feature;
import io.neuralplayground.data.PlaygroundDataset;
import io.neuralplayground.data.Point;
import io.neuralplayground.engine.Activation;
import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.engine.LeftoverExamples;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Optimizer;
import io.neuralplayground.engine.Regularization;
import io.neuralplayground.session.DataFile;
import io.neuralplayground.session.EpochLog;
import io.neuralplayground.session.LossChoice;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.SessionState;
import io.neuralplayground.session.Snapshot;
import io.neuralplayground.session.Speed;
import io.neuralplayground.session.TrainingSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
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
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The playground window's state as JavaFX properties, and its actions. Views bind to it; it talks to the
 * {@link TrainingSession} with commands and reads the session's newest {@link Snapshot} once per frame in
 * {@link #onFrame()}, which is the only place state flows back. It never trains and never touches the live
 * network; it needs no FX thread (tests drive it from their own thread with a current-thread executor).
 *
 * <p>Settings properties are writable: a change becomes new {@link PlaygroundSettings} for the session, which
 * rebuilds the network where TF Playground would and otherwise changes the learning rate or optimizer live.
 */
public final class PlaygroundViewModel implements AutoCloseable, ConfusionSource {
    /** TF Playground's learning rates. */
    public static final List<Double> LEARNING_RATES = List.of(0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3,
            1.0, 3.0, 10.0);
    /** TF Playground's regularization rates. */
    public static final List<Double> REGULARIZATION_RATES = List.of(0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0,
            3.0, 10.0);
    /** The activations the window offers (softmax needs several outputs; the output layer may take it). */
    public static final List<Activation> ACTIVATIONS = List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID,
            Activation.LINEAR, Activation.LEAKY_RELU, Activation.ELU);
    /** The optimizers the window offers, by name. */
    public static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "rmsprop", "adam");

    private final TrainingSession session;
    private final HeatmapService heatmaps;
    private final LatestWins<Snapshot, Optional<ClassReport>> reports;
    private final List<LossHistoryListener> lossListeners = new CopyOnWriteArrayList<>();
    private PlaygroundSettings settings;
    private boolean syncing;

    // Settings, writable.
    private final ObjectProperty<PlaygroundDataset> dataset = new SimpleObjectProperty<>(this, "dataset");
    private final ObjectProperty<ProblemType> problem = new SimpleObjectProperty<>(this, "problem");
    private final IntegerProperty classes = new SimpleIntegerProperty(this, "classes");
    private final ObjectProperty<LossChoice> loss = new SimpleObjectProperty<>(this, "loss");
    private final DoubleProperty noisePercent = new SimpleDoubleProperty(this, "noisePercent");
    private final DoubleProperty trainPercent = new SimpleDoubleProperty(this, "trainPercent");
    private final DoubleProperty validationPercent = new SimpleDoubleProperty(this, "validationPercent");
    private final BooleanProperty earlyStopping = new SimpleBooleanProperty(this, "earlyStopping");
    /** The rule the early-stopping controls edit, kept while early stopping is off. */
    private final ObjectProperty<EarlyStopping> earlyStoppingRule = new SimpleObjectProperty<>(this,
            "earlyStoppingRule", EarlyStopping.defaults());
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize");
    private final ObjectProperty<LeftoverExamples> leftover = new SimpleObjectProperty<>(this, "leftover");
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(this, "seed");
    private final ObjectProperty<Activation> activation = new SimpleObjectProperty<>(this, "activation");
    private final ObjectProperty<Double> learningRate = new SimpleObjectProperty<>(this, "learningRate");
    private final ObjectProperty<Regularization.Kind> regularization = new SimpleObjectProperty<>(this,
            "regularization");
    private final ObjectProperty<Double> regularizationRate = new SimpleObjectProperty<>(this, "regularizationRate");
    private final ObjectProperty<String> optimizer = new SimpleObjectProperty<>(this, "optimizer");
    private final ObjectProperty<Speed> speed = new SimpleObjectProperty<>(this, "speed", Speed.ONE_PER_FRAME);

    // View choices.
    private final BooleanProperty showTestData = new SimpleBooleanProperty(this, "showTestData", false);
    private final BooleanProperty discretize = new SimpleBooleanProperty(this, "discretize", false);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final ObjectProperty<NodeRef> hovered = new SimpleObjectProperty<>(this, "hovered");
    private final IntegerProperty paintClass = new SimpleIntegerProperty(this, "paintClass", 1);
    private final DoubleProperty paintValue = new SimpleDoubleProperty(this, "paintValue", 0.5);

    // State from the session, read-only.
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyObjectWrapper<HeatmapFrame> heatmapFrame = new ReadOnlyObjectWrapper<>(this, "heatmaps");
    private final ReadOnlyObjectWrapper<ClassReport> classReport = new ReadOnlyObjectWrapper<>(this, "classReport");
    private final ObjectProperty<PlotAxes> plotAxes = new SimpleObjectProperty<>(this, "plotAxes",
            PlotAxes.PLAYGROUND);
    private final ObjectProperty<ConfusionCell> highlightedCell = new SimpleObjectProperty<>(this, "highlightedCell");
    private final ReadOnlyIntegerWrapper epoch = new ReadOnlyIntegerWrapper(this, "epoch");
    private final ReadOnlyDoubleWrapper trainLoss = new ReadOnlyDoubleWrapper(this, "trainLoss");
    private final ReadOnlyDoubleWrapper testLoss = new ReadOnlyDoubleWrapper(this, "testLoss");
    private final ReadOnlyDoubleWrapper trainAccuracy = new ReadOnlyDoubleWrapper(this, "trainAccuracy");
    private final ReadOnlyDoubleWrapper testAccuracy = new ReadOnlyDoubleWrapper(this, "testAccuracy");
    private final ReadOnlyDoubleWrapper validationLoss = new ReadOnlyDoubleWrapper(this, "validationLoss");
    private final ReadOnlyDoubleWrapper validationAccuracy = new ReadOnlyDoubleWrapper(this, "validationAccuracy");
    private final ReadOnlyIntegerWrapper bestEpoch = new ReadOnlyIntegerWrapper(this, "bestEpoch");
    private final ReadOnlyBooleanWrapper stoppedEarly = new ReadOnlyBooleanWrapper(this, "stoppedEarly");
    private final ReadOnlyDoubleWrapper epochsPerSecond = new ReadOnlyDoubleWrapper(this, "epochsPerSecond");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private volatile Consumer<Point> stepThroughHandler;
    private long logBuild = -1;
    private int logIndex;
    private int logThinnings;
    private NodeRef requestedHover;
    private Snapshot requestedSnapshot;
    private Snapshot reportedSnapshot;
    private PlotAxes requestedAxes;
    private long lastHeatmapRequest;
    /** How often heatmaps are recomputed while training flat out. */
    static final int FLAT_OUT_HEATMAPS_PER_SECOND = 30;

    /**
     * @param initial          the settings to start from
     * @param heatmapExecutor  where heatmaps are computed: a background thread in the window, the calling
     *                         thread in tests
     */
    public PlaygroundViewModel(PlaygroundSettings initial, Executor heatmapExecutor) {
        this.settings = Objects.requireNonNull(initial);
        this.session = new TrainingSession(initial);
        this.heatmaps = new HeatmapService(heatmapExecutor);
        ClassReports reportMaker = new ClassReports();
        this.reports = new LatestWins<>(heatmapExecutor, s -> Optional.ofNullable(reportMaker.of(s)));
        showSettings(initial);
        dataset.addListener((o, was, now) -> change(s -> s.withDataset(now)));
        problem.addListener((o, was, now) -> {
            if (now != null && (now == ProblemType.CLASSIFICATION) != settings.isClassification()) {
                dataset.set(now == ProblemType.CLASSIFICATION ? PlaygroundDataset.CIRCLE : PlaygroundDataset.PLANE);
            }
        });
        classes.addListener((o, was, now) -> change(s -> s.withClasses(now.intValue())));
        loss.addListener((o, was, now) -> {
            if (now != null && now.fits(settings.problemClasses())) {
                change(s -> s.withLoss(now));
            }
        });
        noisePercent.addListener((o, was, now) -> change(s -> s.withNoise(now.doubleValue() / 100)));
        trainPercent.addListener((o, was, now) -> change(s -> s.withTrainRatio(now.doubleValue() / 100)));
        validationPercent.addListener((o, was, now) -> change(s -> s.withValidationShare(now.doubleValue() / 100)));
        earlyStopping.addListener((o, was, now) -> change(this::withEarlyStopping));
        earlyStoppingRule.addListener((o, was, now) -> {
            if (earlyStopping.get()) {
                change(this::withEarlyStopping);
            }
        });
        batchSize.addListener((o, was, now) -> change(s -> s.withBatchSize(now.intValue())));
        leftover.addListener((o, was, now) -> {
            if (now != null) {
                change(s -> s.withLeftover(now));
            }
        });
        seed.addListener((o, was, now) -> {
            if (now != null) {
                change(s -> s.withSeed(now));
            }
        });
        activation.addListener((o, was, now) -> change(s -> s.withAllHiddenActivations(now)));
        learningRate.addListener((o, was, now) -> change(s -> s.withLearningRate(now)));
        regularization.addListener((o, was, now) -> change(this::withRegularization));
        regularizationRate.addListener((o, was, now) -> change(this::withRegularization));
        optimizer.addListener((o, was, now) -> change(s -> s.withOptimizer(Optimizer.byName(now))));
        speed.addListener((o, was, now) -> session.setSpeed(now));
        session.setSpeed(speed.get());
        updateFrom(session.latest());
    }

    /**
     * Early stopping as the switch and its rule say. Switched on to watch validation data when none is set aside,
     * it sets {@value #DEFAULT_VALIDATION_PERCENT} % of the training part aside, which starts the run again.
     */
    private PlaygroundSettings withEarlyStopping(PlaygroundSettings s) {
        if (!earlyStopping.get()) {
            return s.withEarlyStopping(null);
        }
        EarlyStopping rule = earlyStoppingRule.get();
        if (!s.isClassification() && rule.monitor().isAccuracy()) {
            rule = rule.withMonitor(rule.monitor().needsValidation() ? EarlyStopping.Monitor.VAL_LOSS
                    : EarlyStopping.Monitor.LOSS);
        }
        PlaygroundSettings next = s.withEarlyStopping(rule);
        return next.earlyStoppingLacksValidation() ? next.withValidationShare(DEFAULT_VALIDATION_PERCENT / 100.0)
                : next;
    }

    /** The validation share switching early stopping on sets when there is none: Keras users' usual 0.2. */
    public static final int DEFAULT_VALIDATION_PERCENT = 20;

    private PlaygroundSettings withRegularization(PlaygroundSettings s) {
        return s.withRegularization(Regularization.of(regularization.get(), regularizationRate.get()));
    }

    /** Applies a settings change made through a property (not while properties are being synchronised). */
    private void change(UnaryOperator<PlaygroundSettings> edit) {
        if (syncing) {
            return;
        }
        settings = edit.apply(settings);
        session.apply(settings);
        showSettings(settings);
    }

    /** Sets every settings property from {@code s} without sending changes back. */
    private void showSettings(PlaygroundSettings s) {
        syncing = true;
        try {
            plotAxes.set(plotAxes.get() == null ? PlotAxes.defaultFor(s) : plotAxes.get().fittedTo(s));
            dataset.set(s.dataset());
            problem.set(s.isClassification() ? ProblemType.CLASSIFICATION : ProblemType.REGRESSION);
            classes.set(s.classes());
            loss.set(s.loss());
            if (paintClass.get() >= Math.max(2, s.classes())) {
                paintClass.set(1);
            }
            noisePercent.set(s.noise() * 100);
            trainPercent.set(s.trainRatio() * 100);
            validationPercent.set(s.validationShare() * 100);
            earlyStopping.set(s.earlyStopping() != null);
            if (s.earlyStopping() != null) {
                earlyStoppingRule.set(s.earlyStopping());
            }
            batchSize.set(s.batchSize());
            leftover.set(s.leftover());
            seed.set(s.seed());
            if (!s.hiddenActivations().isEmpty()) {
                activation.set(s.hiddenActivations().get(0));
            } else if (activation.get() == null) {
                activation.set(Activation.TANH);
            }
            learningRate.set(s.learningRate());
            regularization.set(s.regularization().kind());
            if (s.regularization().kind() != Regularization.Kind.NONE || regularizationRate.get() == null) {
                regularizationRate.set(s.regularization().rate());
            }
            optimizer.set(s.optimizer().name());
        } finally {
            syncing = false;
        }
    }

    /**
     * Once a frame on the FX thread: lets one epoch happen at one epoch per frame, takes the session's newest
     * snapshot into the properties, hands new epochs to the loss listeners and asks for new heatmaps.
     */
    public void onFrame() {
        session.grantFrame();
        Snapshot newest = session.latest();
        boolean changed = newest != snapshot.get();
        if (changed) {
            updateFrom(newest);
        }
        drainLog();
        // Another node under the pointer or another plane: the pictures are asked for at once, training or not.
        boolean viewMoved = !Objects.equals(hovered.get(), requestedHover)
                || !Objects.equals(plotAxes.get(), requestedAxes);
        if (viewMoved || newest != requestedSnapshot && heatmapsDue(newest)) {
            requestedSnapshot = newest;
            requestedHover = hovered.get();
            lastHeatmapRequest = System.nanoTime();
            requestedAxes = plotAxes.get();
            heatmaps.request(newest, requestedHover, requestedAxes);
            if (reportedSnapshot != newest) {
                reportedSnapshot = newest;
                reports.request(newest);
            }
        }
        HeatmapFrame frame = heatmaps.take();
        if (frame != null) {
            heatmapFrame.set(frame);
        }
        Optional<ClassReport> report = reports.take();
        if (report != null) {
            ClassReport now = report.orElse(null);
            ClassReport was = classReport.get();
            if (now == null || was == null || now.build() != was.build()
                    || now.classNames().size() != was.classNames().size()) {
                // Another network or other data: a cell picked in the old matrix means nothing in the new one.
                highlightedCell.set(null);
            }
            classReport.set(now);
        }
    }

    /**
     * Whether to ask for the pictures of {@code newest} now. Flat out, at most {@value #FLAT_OUT_HEATMAPS_PER_SECOND}
     * times a second: the weights change every frame, the pictures hardly, and the time saved goes to training
     * and drawing. At one epoch per frame, and for anything but training (a new build, an edit, a step), at once.
     */
    private boolean heatmapsDue(Snapshot newest) {
        if (!newest.playing() || newest.speed() != Speed.FLAT_OUT || requestedSnapshot == null
                || newest.build() != requestedSnapshot.build()) {
            return true;
        }
        return System.nanoTime() - lastHeatmapRequest >= 1_000_000_000L / FLAT_OUT_HEATMAPS_PER_SECOND;
    }

    private void updateFrom(Snapshot s) {
        snapshot.set(s);
        epoch.set(s.epoch());
        trainLoss.set(s.trainLoss());
        testLoss.set(s.testLoss());
        trainAccuracy.set(s.trainAccuracy());
        testAccuracy.set(s.testAccuracy());
        validationLoss.set(s.validationLoss());
        validationAccuracy.set(s.validationAccuracy());
        bestEpoch.set(s.settings().earlyStopping() == null ? 0 : s.bestEpoch());
        epochsPerSecond.set(s.playing() ? s.epochsPerSecond() : 0);
        playing.set(s.playing());
        // Set before the message, so that what shows the message knows at once what kind it is.
        stoppedEarly.set(s.stoppedEpoch() > 0 && s.message() != null && !s.playing());
        message.set(s.message() == null ? "" : s.message());
    }

    private void drainLog() {
        EpochLog log = session.log();
        int thinnings = log.thinnings();
        // A new build, or the log thinned (its indices moved): the listeners start again from the log's first entry.
        if (log.build() != logBuild || thinnings != logThinnings) {
            logBuild = log.build();
            logThinnings = thinnings;
            logIndex = 0;
            lossListeners.forEach(l -> l.reset(log.build()));
        }
        // Only when epochs came: a paused session's frames copy nothing.
        if (log.size() > logIndex) {
            EpochLog.Slice slice = log.since(logIndex);
            if (log.thinnings() != thinnings) {
                return; // thinned while being read: the next frame starts again
            }
            logIndex = slice.end();
            lossListeners.forEach(l -> l.append(slice));
        }
    }

    // ---- actions ----

    public void togglePlay() {
        session.togglePlay();
    }

    public void play() {
        session.play();
    }

    public void pause() {
        session.pause();
    }

    /** One epoch, then paused. */
    public void step() {
        session.step();
    }

    /** Epoch 0 with the same initial weights. */
    public void reset() {
        session.reset();
    }

    /** Epoch 0 with freshly drawn weights. */
    public void newWeights() {
        settings = settings.withNewWeights();
        session.apply(settings);
    }

    /** New data: the next seed (new weights too, as the seed drives both). */
    public void regenerate() {
        seed.set(seed.get() + 1);
    }

    /**
     * Switches input {@code id} on or off: one of Playground's features, or a column of the user's data (at
     * least one stays on).
     */
    public void toggleInput(String id) {
        if (settings.hasDataFile()) {
            List<String> next = new ArrayList<>(settings.data().columns());
            if (!next.remove(id)) {
                next.add(id);
            }
            if (!next.isEmpty()) {
                change(s -> s.withData(s.data().withColumns(next)));
            }
            return;
        }
        toggleFeature(Feature.byName(id));
    }

    public void toggleFeature(Feature feature) {
        List<Feature> next = new ArrayList<>(settings.features());
        if (!next.remove(feature)) {
            next.add(feature);
        }
        change(s -> s.withFeatures(next));
    }

    /** Adds a hidden layer (of 2 neurons, as Playground) at the end; at most six. */
    public void addLayer() {
        if (settings.hiddenLayers().size() >= PlaygroundSettings.MAX_LAYERS) {
            return;
        }
        List<Integer> widths = new ArrayList<>(settings.hiddenLayers());
        List<Activation> activations = new ArrayList<>(settings.hiddenActivations());
        widths.add(2);
        activations.add(activation.get());
        change(s -> s.withHidden(widths, activations));
    }

    /** Removes the last hidden layer. */
    public void removeLayer() {
        if (settings.hiddenLayers().isEmpty()) {
            return;
        }
        List<Integer> widths = new ArrayList<>(settings.hiddenLayers());
        List<Activation> activations = new ArrayList<>(settings.hiddenActivations());
        widths.remove(widths.size() - 1);
        activations.remove(activations.size() - 1);
        change(s -> s.withHidden(widths, activations));
    }

    /** One more neuron in hidden layer {@code layer} (at most eight). */
    public void addNeuron(int layer) {
        resize(layer, +1);
    }

    /** One neuron fewer in hidden layer {@code layer} (at least one). */
    public void removeNeuron(int layer) {
        resize(layer, -1);
    }

    private void resize(int layer, int delta) {
        List<Integer> widths = new ArrayList<>(settings.hiddenLayers());
        int next = widths.get(layer) + delta;
        if (next < 1 || next > PlaygroundSettings.MAX_NEURONS) {
            return;
        }
        widths.set(layer, next);
        change(s -> s.withHidden(widths, s.hiddenActivations()));
    }

    /** The activation of layer {@code layer} of the network (the last one is the output layer). */
    public void setLayerActivation(int layer, Activation value) {
        if (layer == settings.hiddenLayers().size()) {
            if (settings.loss().allowedOutputs().contains(value)) {
                change(s -> s.withOutputActivation(value));
            }
            return;
        }
        List<Activation> activations = new ArrayList<>(settings.hiddenActivations());
        activations.set(layer, value);
        change(s -> s.withHidden(s.hiddenLayers(), activations));
    }

    /** Sets the weight from input {@code input} to unit {@code unit} of layer {@code layer}, also while training. */
    public void setWeight(int layer, int input, int unit, double value) {
        session.setWeight(snapshot.get().build(), layer, input, unit, value);
    }

    /** Sets the bias of unit {@code unit} of layer {@code layer}, also while training. */
    public void setBias(int layer, int unit, double value) {
        session.setBias(snapshot.get().build(), layer, unit, value);
    }

    /**
     * Goes on from a saved session (checked beforehand, see {@link io.neuralplayground.session.TrainingPlan}): its
     * settings become the window's, its weights, optimizer memory and loss history the session's.
     */
    public void restore(SessionState state) {
        settings = state.settings();
        showSettings(settings);
        session.restore(state);
    }

    /** A network from a file with the settings that describe its shape (checked beforehand), at epoch 0. */
    public void load(PlaygroundSettings next, Network network) {
        settings = next;
        showSettings(settings);
        session.load(next, network);
    }

    /** Settings from elsewhere (a share string): as if chosen in the window, all at once. */
    public void applySettings(PlaygroundSettings next) {
        settings = next;
        showSettings(settings);
        session.apply(settings);
    }

    /** Sets every weight and bias of the network shown to those of {@code parameters} (same shape). */
    public void replaceParameters(Network parameters) {
        session.replaceParameters(snapshot.get().build(), parameters);
    }

    /** Adds a painted training point at (x1, x2): the chosen class, or for regression the chosen value. */
    public void paint(double x1, double x2) {
        if (settings.hasDataFile()) {
            // A point of the user's data would need a value for every column, not only the plane's two.
            return;
        }
        double label = !settings.isClassification() ? paintValue.get()
                : settings.dataset().isManyClass() ? paintClass.get() : paintClass.get() == 1 ? 1 : -1;
        List<Point> points = new ArrayList<>(settings.paintedPoints());
        points.add(new Point(x1, x2, label));
        change(s -> s.withPaintedPoints(points));
    }

    /**
     * Asks to step through backpropagation on {@code example} (a point of the data, its label a class index or
     * a value): the window switches to the backprop stepper with it.
     */
    public void stepThrough(Point example) {
        Consumer<Point> handler = stepThroughHandler;
        if (handler != null) {
            handler.accept(example);
        }
    }

    /** Who answers {@link #stepThrough}: the window. */
    public void setStepThroughHandler(Consumer<Point> handler) {
        stepThroughHandler = handler;
    }

    public void clearPainted() {
        change(s -> s.withPaintedPoints(List.of()));
    }

    public void addLossListener(LossHistoryListener listener) {
        lossListeners.add(listener);
        logBuild = -1;
    }

    public PlaygroundSettings settings() {
        return settings;
    }

    /** The session, for scripted runs (the screenshot command) and tests. */
    public TrainingSession session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }

    // ---- properties ----

    public ObjectProperty<PlaygroundDataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<ProblemType> problemProperty() {
        return problem;
    }

    /** The number of classes of a many-class dataset (3 to 6); two-class and regression datasets keep their own. */
    public IntegerProperty classesProperty() {
        return classes;
    }

    /** The loss and its output ({@link LossChoice#choicesFor} lists what fits the data). */
    public ObjectProperty<LossChoice> lossProperty() {
        return loss;
    }

    /** Noise in percent, 0 to 50. */
    public DoubleProperty noisePercentProperty() {
        return noisePercent;
    }

    /** Share of training data in percent, 10 to 90. */
    public DoubleProperty trainPercentProperty() {
        return trainPercent;
    }

    /** Percent of the training part set aside for validation: 0 to 50 in steps of 5. */
    public DoubleProperty validationPercentProperty() {
        return validationPercent;
    }

    /** Whether Keras' early stopping watches the run. */
    public BooleanProperty earlyStoppingProperty() {
        return earlyStopping;
    }

    /** Early stopping's rule: monitor, min_delta, patience, restore_best_weights, start_from_epoch. */
    public ObjectProperty<EarlyStopping> earlyStoppingRuleProperty() {
        return earlyStoppingRule;
    }

    public ReadOnlyDoubleProperty validationLossProperty() {
        return validationLoss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty validationAccuracyProperty() {
        return validationAccuracy.getReadOnlyProperty();
    }

    /** Whether the message says that early stopping stopped the run (and no error since). */
    public ReadOnlyBooleanProperty stoppedEarlyProperty() {
        return stoppedEarly.getReadOnlyProperty();
    }

    /** With early stopping on, the epoch of the best monitored value so far; 0 for none. */
    public ReadOnlyIntegerProperty bestEpochProperty() {
        return bestEpoch.getReadOnlyProperty();
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    /**
     * What happens to the examples beyond the last whole batch: carried into the next epoch's first update (TF
     * Playground's way) or a smaller last batch (Keras'). A change rebuilds, as a new batch size does.
     */
    public ObjectProperty<LeftoverExamples> leftoverProperty() {
        return leftover;
    }

    public ObjectProperty<Long> seedProperty() {
        return seed;
    }

    /** The hidden layers' activation (the top bar's choice: setting it sets every hidden layer). */
    public ObjectProperty<Activation> activationProperty() {
        return activation;
    }

    public ObjectProperty<Double> learningRateProperty() {
        return learningRate;
    }

    public ObjectProperty<Regularization.Kind> regularizationProperty() {
        return regularization;
    }

    public ObjectProperty<Double> regularizationRateProperty() {
        return regularizationRate;
    }

    /** Optimizer name: sgd, momentum, rmsprop, adam. */
    public ObjectProperty<String> optimizerProperty() {
        return optimizer;
    }

    public ObjectProperty<Speed> speedProperty() {
        return speed;
    }

    public BooleanProperty showTestDataProperty() {
        return showTestData;
    }

    public BooleanProperty discretizeProperty() {
        return discretize;
    }

    /** Whether the loss chart's loss axis is logarithmic. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    /** The node under the pointer in the network graph; the output plot shows its picture. */
    public ObjectProperty<NodeRef> hoveredProperty() {
        return hovered;
    }

    /** The class painted points get: 0 … k−1; for two classes 1 (blue, +1) or 0 (orange, −1). */
    public IntegerProperty paintClassProperty() {
        return paintClass;
    }

    /** The value painted points get in regression, −1 to 1. */
    public DoubleProperty paintValueProperty() {
        return paintValue;
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    /**
     * The confusion matrices and predictions of the newest snapshot computed (off the FX thread, as often as the
     * heatmaps); null for regression and before the first.
     */
    @Override
    public ReadOnlyObjectProperty<ClassReport> classReportProperty() {
        return classReport.getReadOnlyProperty();
    }

    /**
     * The two columns of the user's data the output plot shows as its axes ({@link PlotAxes}); always x1 and x2
     * for generated data.
     */
    public ObjectProperty<PlotAxes> plotAxesProperty() {
        return plotAxes;
    }

    /**
     * Trains on the user's data from now on: a new network for it, the lecture's loss for its labels, the plot
     * on its first two input columns.
     */
    public void openData(DataFile data) {
        openData(data, settings.trainRatio(), settings.seed());
    }

    /** {@link #openData(DataFile)} with the split's ratio and seed (a new seed starts the weight draws again). */
    public void openData(DataFile data, double trainRatio, long seed) {
        PlaygroundSettings withData = settings.withData(data);
        PlaygroundSettings next = (seed == withData.seed() ? withData : withData.withSeed(seed)).withTrainRatio(
                trainRatio);
        plotAxes.set(PlotAxes.defaultFor(next));
        change(s -> next);
    }

    /**
     * Generated data of {@code kind}, also in place of the user's data when {@code kind} is the dataset shown last
     * (setting the dataset property to the value it has would change nothing).
     */
    public void chooseDataset(PlaygroundDataset kind) {
        change(s -> s.withDataset(kind));
    }

    /** With the user's data: whether its inputs are z-scored on the training part (a new network either way). */
    public void setStandardize(boolean on) {
        if (settings.hasDataFile() && settings.data().standardize() != on) {
            change(s -> s.withData(s.data().withStandardize(on)));
        }
    }

    /** The confusion matrix's cell whose examples the output plot marks, or null for none. */
    @Override
    public ObjectProperty<ConfusionCell> highlightedCellProperty() {
        return highlightedCell;
    }

    public ReadOnlyObjectProperty<HeatmapFrame> heatmapsProperty() {
        return heatmapFrame.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty epochProperty() {
        return epoch.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty trainLossProperty() {
        return trainLoss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty testLossProperty() {
        return testLoss.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty trainAccuracyProperty() {
        return trainAccuracy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty testAccuracyProperty() {
        return testAccuracy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty epochsPerSecondProperty() {
        return epochsPerSecond.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Why training stopped, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
